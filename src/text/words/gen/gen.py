#!/usr/bin/env python3
"""Generates src/text/words/words.bin: the word lexicon and the confusion sets.

Sources (pinned, downloaded from PyPI with `pip download --no-deps` into a
temporary directory; nothing is installed):
  jieba 0.42.1        MIT         jieba/dict.txt: words and frequencies
  pypinyin 0.55.0     MIT         pypinyin/pinyin_dict.json: per-character pinyin
  pycorrector 1.1.4   Apache-2.0  data/same_pinyin.txt, data/same_stroke.txt,
                                  data/common_char_set.txt
plus the hand-curated lists below (OCR look-alikes, 异形词, official words).

Run:  python3 src/text/words/gen/gen.py      (from the repository top)

Format of words.bin (little-endian):
  b"DCW1"
  u32 n_chars, then n_chars x (u32 code point, u8 frequency class), sorted
  u32 n_words, then n_words x (u8 length, u8 frequency class, length x u16 char index)
  u32 n_pairs, then n_pairs x (u16 a, u16 b, u8 kind)  a < b; kind bits 1 same sound and tone,
      2 similar shape, 4 an OCR look-alike, 8 same syllable in another tone
  u32 n_variants, then (u8 length, length x u16) words that are established
      variant forms (异形词): words, never typos, never corrections
A frequency class is round(ln(frequency) * 16), at most 255.
"""

import glob
import json
import math
import os
import re
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile

PINS = ["jieba==0.42.1", "pypinyin==0.55.0", "pycorrector==1.1.4"]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "words.bin")

# Words below this frequency are noise in jieba (3 is its default for an
# entry without a count); below 5 they count as words only when they are
# two common characters.
MIN_FREQ = 3
# A rare entry this many times less frequent than a confusable word one
# substitution away is taken for a misspelling that jieba absorbed (按排,
# 布署) and dropped.
TYPO_ENTRY_MAX_FREQ = 12
TYPO_ENTRY_RATIO = 30

# Shapes an OCR engine confuses (scans of printed reports).
OCR = """千干 入人 人八 入八 己已 己巳 已巳 末未 曰日 目日 戍戌 戍成 戌成 侯候 拔拨 土士 王玉
大太 大犬 太犬 夭天 免兔 析折 刺剌 崇祟 冶治 贷货 住往 休体 田由 由甲 甲申 白自 旦且 亨享
准淮 今令 孑子 盲育 汩汨 壁璧 徒徙 栗粟 候侯 肓盲 茶荼 戊戍 戊戌 己乙 刀力 办为 风凤
"""

# 异形词: established variant forms (the 第一批异形词整理表 and common
# pairs); both spellings are words and neither is a typo.
VARIANTS = """唯一 惟一 身份 身分 含糊 含胡 分量 份量 人才 人材 订婚 定婚 账号 帐号 账户 帐户
按语 案语 笔画 笔划 成分 成份 筹划 筹画 辞典 词典 答复 答覆 担心 耽心 叮咛 丁宁
丰富多彩 丰富多采 服侍 伏侍 服输 伏输 复信 覆信 孤苦伶仃 孤苦零丁 过分 过份 含蓄 涵蓄
寒碜 寒伧 喝彩 喝采 糊涂 胡涂 检察 检查 交代 交待 角色 脚色 精彩 精采
纠集 鸠集 局促 跼促 栏杆 阑干 了望 瞭望 流连 留连 录像 录象 罗唆 啰唆
门槛 门坎 蒙眬 矇眬 模糊 模胡 摹写 模写 年轻 年青 凭空 平空 其他 其它 启程 起程 恰如其分 恰如其份
清澈 清彻 曲折 屈折 缺憾 缺陷 神采 神彩 思维 思惟 
贪婪 贪惏 图像 图象 推诿 推委 无动于衷 无动于中 稀罕 希罕 想象 想像 消逝 消失 
形迹 行迹 一锤定音 一槌定音 义无反顾 义无返顾 衣着 衣著 
玉米 玉蜀黍 杂沓 杂遝 展现 展示 掌握 把握
指手画脚 指手划脚 周济 赒济 姿势 姿式 自个儿 自各儿 纪念 记念 部分 部份
座位 坐位 标志 标识 发愤 发奋 起用 启用 反应 反映 截止 截至 做出 作出
做法 作法 工夫 功夫 考查 考察 权利 权力 必须 必需 法制 法治 制定 制订 查看 察看 品味 品位
"""

# Official words and collocations of report writing that jieba lacks or
# counts too rarely, at a frequency of 2,000. Not the rates (查处率, 整改率):
# as words they would make the counts beside them (查处数) look misspelt.
OFFICIAL = """贯彻落实 党风廉政建设 主体责任 监督责任 从严治党 全面从严治党 治党 管党 管党治党 廉政建设
两学一做 不忘初心 牢记使命 主题教育 政治生态 政治站位 政治担当 政治纪律 政治规矩 四风 八项规定
中央八项规定 形式主义 官僚主义 享乐主义 奢靡之风 一岗双责 民主集中制 三会一课 组织生活会
民主生活会 谈心谈话 批评与自我批评 巡视整改 巡察整改 巡察 整改落实 立行立改 举一反三 压实
压紧压实 落细落实 走深走实 见行见效 以案促改 以案为鉴 警示教育 廉洁自律 廉洁从政 清正廉洁
风清气正 营商环境 乡村振兴 高质量发展 新发展理念 新发展格局 脱贫攻坚 基层党建 党建引领 党支部
党小组 党员干部 领导干部 第一责任人 责任清单 问题清单 整改清单 任务清单 网格化 数字化 智慧化
提质增效 担当作为 履职尽责 真抓实干 攻坚克难 守正创新 久久为功 常态长效 长效机制 闭环管理
依规 依纪 依规依纪 主责 主业 主责主业 纠治 发力 精准发力 不敢腐 不能腐 不想腐 惩防 涉恶 涉黑
扫黑除恶 踏石留印 抓铁有痕 以案说法 以案释法 村务 堵点 痛点 难点 宽严相济 监委 微信 反映不实
还未 先行先试 逢会必讲 重实效 文旅局 参训 长管长严
纪检监察 派驻 监察委员会 纪委监委 审查调查 问责 约谈 提醒谈话 诫勉谈话 第一种形态 四种形态
股室 站所 县直 局属 驻村 专班 销号 网格员 正科级 乡科级 纪工委 司法所 财政所 村卫生室 医共体 医联体
指征 日间照料 家庭医生 结对帮扶 包保 包联 挂牌督办 转办 清零 动态清零 回头看 双随机 放管服 一网通办
接诉即办 河长制 林长制 田长制 三重一大 清单化 项目化 台账化 销号管理 挂图作战 专项整治 集中整治
建章立制 查漏补缺 责任单位 牵头单位 配合单位 知晓度 巡河 巡湖 巡林 客服 网办 掌办
"""


def download(tmp):
    subprocess.check_call(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp] + PINS
    )


def extract(tmp):
    for path in glob.glob(os.path.join(tmp, "*")):
        if path.endswith(".tar.gz"):
            with tarfile.open(path) as t:
                t.extractall(tmp)
        elif path.endswith(".whl"):
            with zipfile.ZipFile(path) as z:
                z.extractall(tmp)


def read(tmp, pattern):
    (path,) = glob.glob(os.path.join(tmp, pattern), recursive=True)
    with open(path, encoding="utf-8") as f:
        return f.read()


HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def fclass(freq):
    return min(255, max(0, round(math.log(max(freq, 1)) * 16)))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        download(tmp)
        extract(tmp)
        dict_txt = read(tmp, "jieba-0.42.1/jieba/dict.txt")
        pinyin = json.loads(read(tmp, "pypinyin/pinyin_dict.json"))
        same_pinyin = read(tmp, "pycorrector/data/same_pinyin.txt")
        same_stroke = read(tmp, "pycorrector/data/same_stroke.txt")
        common = set(read(tmp, "pycorrector/data/common_char_set.txt").split())

    words = {}
    single = {}
    for line in dict_txt.splitlines():
        w, f, _ = line.split()
        f = int(f)
        if not HAN.match(w):
            continue
        if len(w) == 1:
            single[w] = single.get(w, 0) + f
        elif 2 <= len(w) <= 4 and f >= MIN_FREQ:
            words[w] = max(words.get(w, 0), f)
    # Rare entries only when made of common characters (the rest are
    # classical or technical words a report does not use).
    # (and only two-character ones: the longer rare entries are mostly
    # names and phrases, and they would double the data).
    words = {
        w: f for w, f in words.items() if f >= 5 or len(w) == 2 and all(c in common for c in w)
    }
    variants = VARIANTS.split()
    variants = [w for w in variants if len(w) <= 4]
    for w in variants:
        words[w] = max(words.get(w, 0), 50)
    # Longer collocations (党风廉政建设) are covered by their parts.
    for w in OFFICIAL.split():
        if len(w) <= 4:
            words[w] = max(words.get(w, 0), 2000)

    chars = set("".join(words)) | set(single) & common
    # Confusion pairs, among characters of the lexicon.
    pairs = {}

    def add(a, b, kind):
        if a == b or a not in chars or b not in chars:
            return
        key = (min(a, b), max(a, b))
        pairs[key] = pairs.get(key, 0) | kind

    import unicodedata

    # Same syllable and tone (bit 1), same syllable in another tone (bit 8).
    by_tone = {}
    by_syllable = {}
    for cp, readings in pinyin.items():
        c = chr(int(cp))
        if c not in chars or c not in common:
            continue
        for r in readings.split(","):
            by_tone.setdefault(r, []).append(c)
            base = "".join(ch for ch in unicodedata.normalize("NFD", r) if ch.isascii())
            by_syllable.setdefault(base, []).append(c)
    for groups, kind in ((by_tone, 1), (by_syllable, 8)):
        for group in groups.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    add(a, b, kind)
    for line in same_pinyin.splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        # Only the first column (同音同调): the second, 同音异调, holds
        # other syllables too (厕 cè with 此 cǐ); pypinyin gives the tones.
        a = parts[0]
        for b in parts[1]:
            add(a, b, 1)
    for line in same_stroke.splitlines():
        group = line.split("\t")
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                add(a, b, 2)
    for pair in OCR.split():
        add(pair[0], pair[1], 2 | 4)

    # Misspellings jieba absorbed: a rare word one confusable substitution
    # away from a much more frequent one.
    neighbours = {}
    for (a, b) in pairs:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    protected = set(variants) | set(OFFICIAL.split())
    dropped = []
    for w, f in list(words.items()):
        if f > TYPO_ENTRY_MAX_FREQ or w in protected:
            continue
        for i, c in enumerate(w):
            hit = None
            for d in neighbours.get(c, ()):
                v = w[:i] + d + w[i + 1:]
                if words.get(v, 0) >= max(100, f * TYPO_ENTRY_RATIO):
                    hit = v
                    break
            if hit:
                dropped.append(w)
                break
    for w in dropped:
        del words[w]

    chars = sorted(set("".join(words)) | {c for c in single if c in common} | {c for p in pairs for c in p})
    index = {c: i for i, c in enumerate(chars)}
    assert len(chars) < 65536
    out = bytearray(b"DCW1")
    out += struct.pack("<I", len(chars))
    for c in chars:
        out += struct.pack("<IB", ord(c), fclass(single.get(c, 1)))
    ws = sorted(words.items())
    out += struct.pack("<I", len(ws))
    for w, f in ws:
        out += struct.pack("<BB", len(w), fclass(f))
        out += b"".join(struct.pack("<H", index[c]) for c in w)
    ps = sorted(pairs.items())
    out += struct.pack("<I", len(ps))
    for (a, b), kind in ps:
        out += struct.pack("<HHB", index[a], index[b], kind)
    out += struct.pack("<I", len(variants))
    for w in variants:
        out += struct.pack("<B", len(w)) + b"".join(struct.pack("<H", index[c]) for c in w)
    with open(OUT, "wb") as f:
        f.write(out)
    print(f"{len(chars)} chars, {len(ws)} words ({len(dropped)} misspelt entries dropped), "
          f"{len(ps)} confusion pairs, {len(variants)} variants, {len(out)} bytes -> {OUT}")


if __name__ == "__main__":
    main()
