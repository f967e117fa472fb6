//! 格式转换和“伪原创”工具留下的错词。文档经过某些转换软件或“同义词
//! 替换”工具处理后，一些词会被系统地换成近义词，把固定搭配改坏：
//! “科学发展观”变成“科学开展观”，“原则”变成“原那么”，“服务群众”变成
//! “效劳群众”，“基础设施”变成“根底设施”，“广大干部”变成“广阔干部”，
//! “巩固执政地位”变成“稳固执政地位”，“不足之处”变成“缺乏之处”，
//! “抵制歪风”变成“抵抗歪风”，“多次召开”变成“屡次召开”，“奋发有为”变成
//! “发奋有为”，“部分党员”变成“局部党员”，“提高认识”变成“提高熟悉”，
//! “充分发挥”变成“充沛发挥”。
//!
//! 本规则按搭配判断，不是见词就报：“开展工作”“开展活动”“广阔天地”
//! “广阔前景”“缺乏经验”“抵抗力”“屡次违纪”都是正确的汉语，不会误报。
//! 每一处都给出原来的词，可一键改回。一篇文章里出现三处以上时，另给
//! 一条提示：全文很可能经过机器转换，应通读校对——这时，单独看可能
//! 没错的搭配（如“健康开展。”“能力缺乏。”）也会按转换处理一并标出。
//!
//! # English
//! Words swapped by converters and "pseudo-original" synonym tools. Some
//! conversion tools systematically replace words with near-synonyms and
//! break fixed collocations: 科学发展观 → 科学开展观, 原则 → 原那么, 服务群众 →
//! 效劳群众, 基础设施 → 根底设施, 广大干部 → 广阔干部, 巩固执政地位 → 稳固执政地位,
//! 不足之处 → 缺乏之处, 抵制歪风 → 抵抗歪风, 多次召开 → 屡次召开, 奋发有为 →
//! 发奋有为, 部分党员 → 局部党员, 提高认识 → 提高熟悉, 充分发挥 → 充沛发挥. The
//! rule judges by collocation, so correct uses (开展工作, 广阔天地, 缺乏经验,
//! 抵抗力, 屡次违纪) stay silent. Each finding restores the original word in
//! one click. With three or more in one text, a summary says the whole text
//! was probably machine-converted and should be proofread; collocations
//! that are only suspicious in such a text (健康开展。, 能力缺乏。) are then
//! reported too.

use super::{Ctx, Emitter};
use crate::text::class::{is_clause_punct, is_closing, is_han};
use crate::text::lexicon::Lexicon;
use crate::text::utf8::{char_at, char_before, head, rest};
use std::sync::OnceLock;

/// Context tokens: `#P` punctuation, a closing mark or the end; `#D` a
/// digit; `#%` a percentage; `#H` any Han character. Anything else is
/// literal text.
const P: &str = "#P";
const D: &str = "#D";
const H: &str = "#H";
/// A share: digits then %, 成 or 个百分点 (不足10% → 缺乏10%).
const PCT: &str = "#%";

/// One substitution in its collocation: `pre` + `word` + `post` is matched,
/// `word` is the substituted word, replaced by `fix`.
#[derive(Clone, Copy)]
struct Entry {
    pre: &'static str,
    word: &'static str,
    post: &'static str,
    fix: &'static str,
    /// Wrong on its own; otherwise only in a text that is evidently
    /// converted (it has strong hits).
    strong: bool,
    prev_not: &'static [&'static str],
    prev_only: &'static [&'static str],
    next_not: &'static [&'static str],
    next_only: &'static [&'static str],
}

const BASE: Entry = Entry {
    pre: "",
    word: "",
    post: "",
    fix: "",
    strong: true,
    prev_not: &[],
    prev_only: &[],
    next_not: &[],
    next_only: &[],
};

macro_rules! e {
    ($pre:expr, $word:expr, $post:expr, $fix:expr $(, $f:ident: $v:expr)* $(,)?) => {
        Entry { pre: $pre, word: $word, post: $post, fix: $fix $(, $f: $v)*, ..BASE }
    };
}

/// What can end a “development” noun phrase after 开展: punctuation, a
/// conjunction, or a word that 发展 (not 开展) takes.
const DEV_END: &[&str] = &[
    P, "和", "与", "及", "、", "等", "不", "更", "新", "取得", "不断", "持续", "稳中", "迈上",
    "实现", "呈现", "稳步", "较快", "良好", "迅速", "壮大", "方式", "水平", "质量", "速度", "动能",
    "大局", "成就", "态势", "势头", "成果", "理念", "战略", "环境", "道路", "目标", "规划", "空间",
    "活力", "动力", "需要", "要求", "进程", "步伐", "提供", "发挥",
];

/// What follows 那么 when it really is 那么 (so, then): adjectives,
/// quantities, pronouns, adverbs, common verbs.
const NAME_FOLLOW: &[&str] = &[
    "多", "大", "小", "少", "高", "低", "好", "坏", "美", "快", "慢", "久", "远", "近", "深", "浅",
    "长", "短", "简", "容", "难", "复", "严", "宽", "强", "弱", "热", "冷", "急", "忙", "累", "一",
    "几", "些", "点", "回", "个", "样", "认", "努", "积", "主", "用", "执", "坚", "顺", "清", "明",
    "自", "着", "紧", "广", "厚", "薄", "亮", "暗", "重", "轻", "必", "关", "突", "有", "没", "就",
    "也", "又", "还", "都", "再", "才", "能", "会", "该", "应", "可", "我", "你", "他", "她", "它",
    "咱", "这", "那", "如", "怎", "什", "谁", "哪", "何", "请", "让", "使", "被", "把", "对", "从",
    "向", "给", "跟", "做", "干", "办", "说", "想", "写", "搞", "看", "讲", "走", "此", "其", "各",
    "每", "所", "仅", "只", "很", "太", "最", "非", "真", "特", "相", "若", "即", "便", "而", "且",
    "早", "晚",
];

/// Places and people 广大 (not 广阔) goes with.
const MASSES: &[&str] = &[
    "干部",
    "党员",
    "群众",
    "人民",
    "职工",
    "青年",
    "妇女",
    "农民",
    "官兵",
    "师生",
    "患者",
    "读者",
    "网友",
    "消费者",
    "市民",
    "村民",
    "居民",
    "共产党员",
    "会员",
    "劳动者",
    "医务",
    "教师",
    "学生",
    "团员",
    "少年儿童",
    "青少年",
    "退役军人",
    "纪检监察",
    "人员",
    "员工",
    "家长",
    "游客",
    "企业",
    "投资者",
    "民营",
    "个体",
    "工商户",
    "志愿者",
    "科技工作者",
    "文艺工作者",
    "农村党员",
    "基层干部",
    "党员干部",
    "公职人员",
    "老百姓",
    "百姓",
    "同志",
];

/// Words 服务 (not 效劳) is modified by.
const SERVICE_PRE: &[&str] = &[
    "优化",
    "公共",
    "政务",
    "便民",
    "优质",
    "人民",
    "群众",
    "热情",
    "贴心",
    "周到",
    "精准",
    "法律",
    "金融",
    "社会",
    "社区",
    "志愿",
    "综合",
    "窗口",
    "技术",
    "咨询",
    "信息",
    "医疗",
    "养老",
    "就业",
    "全方位",
    "一站式",
    "主动",
    "上门",
    "跟踪",
    "延伸",
    "优良",
    "配套",
    "提升",
    "改进",
    "做好",
    "搞好",
    "提供",
    "强化",
    "加强",
    "保障",
    "后勤",
    "生活",
    "商务",
    "专业",
    "文化",
    "体育",
    "交通",
    "民生",
    "基本",
    "基层",
    "乡村",
    "农村",
    "城市",
    "中介",
    "物业",
    "家政",
    "网络",
    "在线",
    "线上",
    "数字",
    "营商",
    "企业",
    "代办",
    "帮办",
];

/// Objects of the verb 巩固; 稳固 is an adjective and takes none.
const CONSOLIDATE_OBJ: &[&str] = &[
    "执政",
    "党的",
    "和发展",
    "和开展",
    "和拓展",
    "拓展",
    "提升",
    "深化",
    "扩大",
    "脱贫",
    "整改",
    "主题",
    "治理",
    "壮大",
    "国防",
    "政权",
    "阵地",
    "提高",
    "好",
    "并",
    "全面",
    "成果",
    "开展",
    "已有",
    "现有",
    "前期",
    "既有",
    "和扩大",
    "和提升",
    "和深化",
    "和完善",
    "和加强",
    "完善",
    "加强",
    "扩展",
    "和巩固",
    "反腐",
    "基层",
    "“",
    "和增强",
    "和提高",
];

/// What 多次 (not 屡次) does: planned, positive actions.
const REPEATED_ACTION: &[&str] = &[
    "召开", "开展", "深入", "听取", "研究", "专题", "召集", "主持", "调研", "督导", "学习", "对接",
    "协调", "带队", "实地", "部署", "安排", "征求", "会同", "指导", "督促", "入户", "座谈", "约谈",
    "谈心", "提醒",
];

/// Verbs 充分 (not 充沛) qualifies.
const FULLY_VERB: &[&str] = &[
    "发挥", "利用", "调动", "认识", "熟悉", "肯定", "体现", "保障", "考虑", "尊重", "听取", "运用",
    "激发", "发扬", "吸收", "借鉴", "论证", "准备", "说明", "证明", "表明", "征求", "依托", "挖掘",
    "释放", "动员", "展示", "展现", "认可", "理解", "把握", "估计", "了解", "掌握", "讨论", "酝酿",
    "沟通", "交流", "信任", "授权", "激活", "彰显", "表达", "反映",
];

/// Objects 提升/提高 take; 晋升 and 进步 take none of them.
const RAISE_OBJ: &[&str] = &[
    "效劳",
    "服务",
    "水平",
    "质量",
    "效率",
    "效能",
    "素质",
    "品质",
    "满意度",
    "群众满意度",
    "站位",
    "治理",
    "本领",
    "境界",
    "党性",
    "认识",
    "熟悉",
    "综合",
    "整体",
    "办事",
    "能力",
    "防范",
    "警惕",
    "拒腐",
    "自身",
];

/// Person and unit nouns 部分 (not 局部) quantifies.
const PART_OF: &[&str] = &[
    "党员",
    "干部",
    "单位",
    "同志",
    "群众",
    "人员",
    "领导",
    "职工",
    "学校",
    "部门",
    "班子",
    "党组织",
    "支部",
    "党支部",
    "科室",
    "窗口",
    "同学",
    "学生",
    "教师",
    "老师",
    "农户",
    "贫困户",
    "党组",
    "机关",
    "村干部",
    "代表",
    "委员",
    "专家",
    "青年",
];

/// Activities 进行 (not 停止) introduces.
const CARRY_OUT: &[&str] = &[
    "认真",
    "深入",
    "专题",
    "剖析",
    "梳理",
    "自查",
    "动员",
    "强调",
    "研判",
    "评议",
    "督导",
    "谈心谈话",
    "批评与自我批评",
    "集中学习",
    "细化",
    "全面检查",
    "深刻剖析",
    "对照检查",
    "安排部署",
];

const CARRY_OUT_WEAK: &[&str] = &[
    "检查", "分析", "研究", "部署", "安排", "整改", "批评", "教育", "培训", "学习", "讨论", "督查",
    "考核", "评估", "谈话", "提醒", "问责", "通报", "宣传", "总结", "排查", "改进", "完善", "监督",
    "指导", "全面", "严格", "表彰", "调研",
];

/// Activities that 开展 legitimately takes after 经济 and the like
/// (围绕经济开展调研).
const ACTIVITY: &[&str] = &[
    "工作", "活动", "调研", "调查", "专项", "研究", "排查", "检查", "督查", "整治", "审计", "服务",
    "帮扶", "培训", "教育", "宣传", "普查", "考核", "评估", "监督", "巡察", "招商",
];

/// What can really be stopped (停止营业, 停止使用 …).
const STOPPABLE: &[&str] = &[
    "营业", "使用", "执行", "施工", "生产", "供", "活动", "工作", "运营", "运行", "办理", "发放",
    "销售", "招生", "受理", "审批", "侵害", "违法", "违规", "一切", "了", "下来", "前进", "呼吸",
    "争论", "战争", "交易", "收费", "播出", "实施", "跳动", "享受", "资格", "职务", "党籍", "公职",
    "拨付", "支付", "计息", "开采", "排放", "营运", "作业", "经营", "审查", "调查",
];

/// A one-element list holding `s`, for `next_only`.
fn leak(s: &'static str) -> &'static [&'static str] {
    std::slice::from_ref(Box::leak(Box::new(s)))
}

/// The fixed pairs, as data (a static table, not code that builds it).
const FIXED: &[Entry] = &[
    // 发展 → 开展
    e!("科学", "开展", "观", "发展"),
    e!("可持续", "开展", "", "发展"),
    e!("经济社会", "开展", "", "发展"),
    e!("", "开展", "中国家", "发展"),
    e!("新", "开展", "理念", "发展"),
    e!("新", "开展", "格局", "发展"),
    e!("新", "开展", "阶段", "发展"),
    e!("", "开展", "格局", "发展"),
    e!("", "开展", "理念", "发展", next_not: &["教", "宣", "学", "培", "研", "普", "交", "讨"]),
    e!("", "开展", "是第一要务", "发展"),
    e!("", "开展", "才是硬道理", "发展"),
    e!("", "开展", "壮大", "发展"),
    e!("改革", "开展", "稳定", "发展"),
    e!("改革", "开展", "", "发展", strong: false),
    e!("", "开展", "改革委", "发展"),
    e!("", "开展", "和改革", "发展"),
    e!("高质量", "开展", "", "发展",
        next_only: &["之路", "道路", "阶段", "要求", "理念", "是", "首要", "迈", "开好局",
            "攻坚年", "上", "的新", "的要求", "的道路", "的路子", "的根本"]),
    e!("为高质量", "开展", "提供", "发展"),
    e!("高质量", "开展", "", "发展", next_only: &[P], prev_only: &["推动", "实现", "促进", "推进",
        "服务", "保障", "助力", "聚焦", "坚持", "引领", "支撑", "服务保障", "全面推动"]),
    e!("高质量", "开展", "", "发展", strong: false, next_only: &[P, "的"]),
    e!("", "开展", "成果", "发展", next_only: &["由", "更多", "更", "共享", P, "的", "惠及", "和"]),
    e!("共享", "开展", "成果", "发展"),
    e!("", "开展", "战略", "发展", next_only: &[P, "的", "和", "与", "目标", "机遇", "定位", "全局", "高度", "眼光"]),
    e!("", "开展", "环境", "发展", next_only: &[P, "的", "和", "与", "更", "持续", "不断", "进一步", "明显", "日益", "显著", "得到", "全面"]),
    e!("良好", "开展", "环境", "发展"),
    e!("优化", "开展", "环境", "发展"),
    e!("", "开展", "道路", "发展", next_only: &[P, "的", "上", "和", "与", "自信"]),
    e!("", "开展", "方向", "发展", next_only: &[P, "的", "和", "与", "上", "不", "正确"]),
    e!("", "开展", "思路", "发展", strong: false, next_only: &[P, "的", "和", "与", "上", "更", "清晰", "不"]),
    e!("", "开展", "目标", "发展", strong: false, next_only: &[P, "的", "和", "与", "任务"]),
    e!("", "开展", "规划", "发展", strong: false, next_only: &[P, "的", "和", "纲要"]),
    e!("", "开展", "大局", "发展", next_not: &["意识", "观"]),
    e!("", "开展", "前景", "发展"),
    e!("", "开展", "机遇", "发展"),
    e!("", "开展", "态势", "发展", next_not: &["感知", "分析", "研判", "评估"]),
    e!("", "开展", "势头", "发展"),
    e!("", "开展", "后劲", "发展"),
    e!("", "开展", "动力", "发展", next_only: &[P, "的", "和", "与", "不足", "缺乏", "更", "源"]),
    e!("", "开展", "活力", "发展", next_only: &[P, "的", "和", "与", "不足", "缺乏", "更"]),
    e!("", "开展", "潜力", "发展"),
    e!("", "开展", "空间", "发展", next_only: &[P, "的", "和", "与", "更", "不断", "广阔", "巨大"]),
    e!("", "开展", "优势", "发展", next_only: &[P, "的", "和", "与", "更", "明显", "突出"]),
    e!("", "开展", "瓶颈", "发展"),
    e!("", "开展", "短板", "发展", next_only: &[P, "的", "和"]),
    e!("", "开展", "成就", "发展", next_only: &[P, "的", "和"]),
    e!("", "开展", "趋势", "发展", next_only: &[P, "的", "和"]),
    e!("", "开展", "规律", "发展", next_only: &[P, "的", "和"]),
    e!("", "开展", "历程", "发展"),
    e!("", "开展", "前途", "发展"),
    e!("", "开展", "蓝图", "发展"),
    e!("", "开展", "新动能", "发展", next_only: &[P, "的", "和"]),
    e!("", "开展", "不平衡", "发展", strong: false),
    e!("", "开展", "不充分", "发展", strong: false),
    e!("", "开展", "水平", "发展", strong: false, next_only: &[P, "的", "和", "不断", "明显", "较", "仍", "还"]),
    e!("", "开展", "质量", "发展", strong: false, next_only: &[P, "的", "和", "效益"]),
    e!("", "开展", "速度", "发展", strong: false, next_only: &[P, "的", "和"]),
    e!("", "开展", "需要", "发展", strong: false, next_only: &[P]),
    e!("", "开展", "变化", "发展", strong: false, next_only: &[P, "的", "和"]),
    e!("", "开展", "进程", "发展", strong: false),
    e!("", "开展", "阶段", "发展", strong: false, next_only: &[P, "的", "和"]),
    e!("", "开展", "党员", "发展", strong: false, next_only: &[P, "质量", "对象", "计划", "指标", "程序", "和", "、", "工作"]),
    e!("", "开展", "对象", "发展", strong: false),
    e!("转变", "开展", "方式", "发展"),
    e!("", "开展", "和安全", "发展"),
    e!("", "开展", "为了人民", "发展"),
    e!("", "开展", "依靠人民", "发展"),
    e!("长足", "开展", "", "发展"),
    e!("经济", "开展", "", "发展", next_only: DEV_END, prev_not: &["围绕", "针对", "结合", "对", "在", "就", "聚焦", "面向", "为"]),
    e!("经济", "开展", "", "发展", next_only: &["的"]),
    e!("经济", "开展", "", "发展", strong: false, next_not: ACTIVITY),
    e!("谋", "开展", "", "发展", next_only: &[P, "、", "促", "的", "和"], prev_not: &["参", "筹"]),
    e!("促", "开展", "", "发展", next_only: &[P, "、", "和", "为"], prev_not: &["督", "敦"]),
    e!("抓", "开展", "", "发展", next_only: &[P, "、"]),
    e!("统筹", "开展", "和", "发展"),
    e!("建设高质量", "开展", "示范", "发展"),
    e!("共建高质量", "开展", "示范", "发展"),
    e!("打造高质量", "开展", "示范", "发展"),
    e!("创建高质量", "开展", "示范", "发展"),
    e!("紧扣", "开展", "抓", "发展"),
    e!("形势", "开展", "相适应", "发展"),
    e!("稳固", "开展", "", "发展"),
    e!("稳固和", "开展", "", "发展"),
    e!("向好", "开展", "", "发展", next_only: &[P, "的", "态势"]),
    e!("的", "开展", "思想", "发展", next_not: &["政", "教", "动", "汇", "交", "排", "引", "摸"]),
    e!("", "开展", "的思想", "发展", next_not: &["政", "教", "动", "汇", "交"]),
    e!("中", "开展", "", "发展", strong: false, next_only: &[P]),
];

fn entries() -> Vec<Entry> {
    let mut v: Vec<Entry> = FIXED.to_vec();
    for pre in [
        "经济的",
        "社会的",
        "事业的",
        "产业的",
        "生产力的",
        "经济社会的",
        "城市的",
        "时代的",
    ] {
        v.push(e!(pre, "开展", "", "发展", next_only: &[P, "、", "和", "与", "及"]));
    }
    for post in ["模式", "质量", "对象", "计划"] {
        v.push(e!("党员", "开展", post, "发展"));
    }
    // Subjects that develop (经济发展) but do not carry out (开展).
    for pre in [
        "县域经济",
        "城乡",
        "区域",
        "产业",
        "民营经济",
        "实体经济",
        "数字经济",
        "经济高质量",
    ] {
        v.push(e!(pre, "开展", "", "发展", next_only: DEV_END));
    }
    for pre in ["事业", "企业", "行业", "城市", "乡村", "社会"] {
        v.push(e!(pre, "开展", "", "发展", strong: false, next_only: DEV_END));
        v.push(e!(pre, "开展", "", "发展", strong: false, next_only: &["的"]));
    }
    // Manners of development: legitimate with an activity as subject
    // (活动健康开展), suspicious only in a converted text.
    for pre in [
        "绿色",
        "协调",
        "创新",
        "开放",
        "共享",
        "融合",
        "转型",
        "健康",
        "平稳",
        "长远",
        "均衡",
        "全面",
        "统筹",
        "安全",
        "同步",
        "纵深",
        "持续",
        "快速",
        "稳定",
        "科学",
        "良性",
        "优先",
        "一体化",
        "特色",
        "共同",
        "又好又快",
        "跨越",
        "跨越式",
        "率先",
        "稳步",
        "有序",
        "全域",
        "联动",
        "差异化",
        "集约",
        "低碳",
        "循环",
        "内涵式",
        "不断",
    ] {
        v.push(e!(pre, "开展", "", "发展", strong: false, next_only: &[P, "的", "和", "与", "之路", "理念", "下"]));
    }

    // 则 → 那么
    v.push(e!("原", "那么", "", "则", prev_not: &["还", "复", "草", "平", "高", "中", "燎", "病", "抗", "荒", "雪", "冰", "太", "归", "推", "溯", "敏", "莽", "林", "洪", "过"]));
    v.push(e!("规", "那么", "", "则", next_not: NAME_FOLLOW));
    v.push(e!("细", "那么", "", "则", next_not: NAME_FOLLOW, prev_not: &["仔", "详", "精", "纤", "琐"]));
    v.push(e!("准", "那么", "", "则", next_not: NAME_FOLLOW, prev_not: &["标", "水", "批", "精", "瞄", "对", "基", "核", "不", "照"]));
    v.push(e!("否", "那么", "", "则", prev_not: &["是", "与", "可", "能", "当", "然"]));
    for pre in ["总", "法", "守", "附", "通", "罚"] {
        v.push(e!(pre, "那么", "", "则", next_only: &[P, "》", "”"], prev_not: &["方", "办", "想", "说", "做", "看", "写", "用", "手", "技", "普", "坚", "遵", "依"]));
    }
    v.push(e!("实", "那么", "", "则", prev_only: &[P]));
    v.push(e!("以身作", "那么", "", "则"));

    // 服务 → 效劳
    v.push(e!("", "效劳", "", "服务", next_only: &[H], next_not: &["于", "了", "过", "着", "的", "吧", "呢", "吗", "之"]));
    for pre in SERVICE_PRE.iter().copied() {
        v.push(e!(pre, "效劳", "", "服务"));
    }
    v.push(e!("", "效劳", "", "服务", strong: false));

    // 基础 → 根底
    v.push(e!("", "根底", "", "基础", next_only: &[H],
        next_not: &["浅", "深", "很", "厚", "不", "都", "也", "就", "还", "扎", "的"],
        prev_not: &["清", "问", "查", "学", "功", "究", "知", "摸", "追", "文", "国", "老"]));
    for pre in [
        "夯实", "打牢", "筑牢", "奠定", "坚实", "良好", "物质", "群众", "思想", "理论", "工作",
        "经济", "制度", "社会", "基层", "重要", "扎实", "坚强", "稳固", "牢固", "打下",
    ] {
        v.push(e!(pre, "根底", "", "基础"));
    }
    v.push(e!("", "根底", "", "基础", strong: false));

    // 广大 → 广阔
    for post in MASSES.iter().copied() {
        v.push(e!("", "广阔", post, "广大"));
    }

    // 巩固 → 稳固
    for post in CONSOLIDATE_OBJ.iter().copied() {
        v.push(e!("", "稳固", post, "巩固", next_not: &["谐"]));
    }
    v.push(e!("需", "稳固", "", "巩固", strong: false, next_only: &[P]));
    v.push(e!("需要", "稳固", "", "巩固", strong: false, next_only: &[P]));

    // 不足 → 缺乏
    v.push(e!("", "缺乏", "之处", "不足"));
    v.push(e!("", "缺乏", "", "不足", next_only: &[PCT]));
    v.push(e!("", "缺乏", "", "不足", strong: false, next_only: &[D]));
    v.push(e!("美中", "缺乏", "", "不足"));
    for post in ["为奇", "为虑", "为据", "为训", "挂齿", "为外人道"] {
        v.push(e!("", "缺乏", post, "不足"));
    }
    for post in [
        "和缺点",
        "和问题",
        "和差距",
        "和短板",
        "和弱项",
        "与差距",
        "和不足",
        "及问题",
        "、问题",
        "、差距",
        "与问题",
        "与短板",
    ] {
        v.push(e!("", "缺乏", post, "不足"));
    }
    for pre in [
        "存在的",
        "中的",
        "自身的",
        "方面的",
        "上的",
        "存在",
        "还有",
        "仍有",
        "有所",
        "显得",
        "略显",
        "仍显",
        "稍显",
        "尚显",
        "一些",
        "诸多",
        "不少",
        "许多",
        "尚有",
    ] {
        v.push(e!(pre, "缺乏", "", "不足", next_only: &[P, "和", "与", "及", "、"]));
    }
    v.push(e!("", "缺乏", "", "不足", strong: false, next_only: &[P]));
    v.push(e!("", "缺乏", "的问题", "不足", strong: false));
    v.push(e!("的", "缺乏", "", "不足", strong: false, next_only: &[P, "和", "与", "及", "、"]));

    // 多次 → 屡次
    for post in REPEATED_ACTION.iter().copied() {
        v.push(e!("", "屡次", post, "多次"));
    }
    v.push(e!("", "屡次", "", "多次", strong: false));

    // 奋发 → 发奋
    v.push(e!("", "发奋", "有为", "奋发"));
    v.push(e!("", "发奋", "向上", "奋发"));
    v.push(e!("", "发奋", "进取", "奋发", strong: false));
    v.push(e!("", "发奋", "作为", "奋发", strong: false));

    // 部分 → 局部
    for post in PART_OF.iter().copied() {
        v.push(e!("", "局部", post, "部分"));
    }

    // 认识 → 熟悉
    for pre in [
        "思想",
        "深刻",
        "统一",
        "正确",
        "清醒",
        "理性",
        "提高思想",
        "感性",
    ] {
        v.push(e!(pre, "熟悉", "", "认识"));
    }
    for post in [
        "水平",
        "误区",
        "偏差",
        "不足",
        "不到位",
        "不深",
        "不清",
        "不高",
        "不够",
        "问题",
    ] {
        v.push(e!("", "熟悉", post, "认识", strong: false));
    }
    v.push(e!("提高", "熟悉", "", "认识", strong: false));
    v.push(e!("充分", "熟悉", "到", "认识", strong: false));

    // 充分 → 充沛
    for post in FULLY_VERB.iter().copied() {
        v.push(e!("", "充沛", post, "充分"));
    }

    v.push(e!("不够", "充沛", "", "充分", strong: false, next_only: &[P]));

    // 提升 → 晋升, 提高 → 进步
    for post in RAISE_OBJ.iter().copied() {
        if post != "能力" {
            v.push(e!("", "晋升", post, "提升"));
        }
        if !matches!(post, "能力" | "自身") {
            v.push(e!("", "进步", post, "提高"));
        }
    }
    for post in ["群众", "政务", "公共"] {
        v.push(e!("", "晋升", post, "提升"));
    }
    for post in ["党内", "党员", "觉悟", "工作效率", "人民群众"] {
        v.push(e!("", "进步", post, "提高"));
    }
    v.push(e!("进一步", "进步", "", "提高"));
    v.push(e!("进一步", "晋升", "", "提升"));
    v.push(e!("", "晋升", "能力", "提升", strong: false));
    v.push(e!("不断", "晋升", "", "提升", strong: false));
    v.push(e!("不断", "进步", "", "提高", strong: false, next_only: &[H]));

    // 问题 → 咨询 (question → consultation)
    for (pre, post) in [
        ("", "导向"),
        ("", "线索"),
        ("", "整改"),
        ("查摆", ""),
        ("四风", ""),
        ("腐败", ""),
        ("作风", ""),
        ("存在的", ""),
        ("突出", "和"),
        ("突出", "、"),
    ] {
        v.push(Entry {
            pre,
            word: "咨询",
            post,
            fix: "问题",
            ..BASE
        });
    }
    v.push(e!("突出", "咨询", "", "问题", next_only: &[P]));

    // 进行 → 停止
    for post in CARRY_OUT.iter().copied() {
        v.push(e!("", "停止", post, "进行"));
    }
    for post in CARRY_OUT_WEAK.iter().copied() {
        v.push(e!("", "停止", post, "进行", strong: false));
    }
    for post in CARRY_OUT.iter().chain(CARRY_OUT_WEAK).copied() {
        let strong = CARRY_OUT.contains(&post);
        v.push(Entry {
            pre: "",
            word: "停止",
            post: "了",
            fix: "进行",
            strong,
            next_only: leak(post),
            ..BASE
        });
    }
    // In a converted text, 停止 before anything it cannot stop.
    v.push(e!("", "停止", "", "进行", strong: false, next_only: &[H], next_not: STOPPABLE));
    v
}

struct Table {
    entries: Vec<Entry>,
    /// For each distinct pattern, the entries that use it.
    by_pattern: Vec<Vec<usize>>,
    lexicon: Lexicon,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let entries = entries();
        let mut patterns: Vec<String> = Vec::new();
        let mut by_pattern: Vec<Vec<usize>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let pat = format!("{}{}{}", e.pre, e.word, e.post);
            match patterns.iter().position(|p| *p == pat) {
                Some(k) => by_pattern[k].push(i),
                None => {
                    patterns.push(pat);
                    by_pattern.push(vec![i]);
                }
            }
        }
        let lexicon = Lexicon::new(&patterns, false);
        Table {
            entries,
            by_pattern,
            lexicon,
        }
    })
}

fn token_matches_next(after: &str, tok: &str) -> bool {
    let next = after.chars().next();
    match tok {
        P => next
            .is_none_or(|c| is_clause_punct(c) || is_closing(c) || c.is_whitespace() || c == '.'),
        D => next.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)),
        H => next.is_some_and(is_han),
        PCT => {
            let tail = after.trim_start_matches(|c: char| {
                c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '.'
            });
            tail.len() < after.len()
                && (tail.starts_with(['%', '％', '成']) || tail.starts_with("个百分点"))
        }
        lit => after.starts_with(lit),
    }
}

fn token_matches_prev(before: &str, tok: &str) -> bool {
    let prev = before.chars().next_back();
    match tok {
        P => prev.is_none_or(|c| is_clause_punct(c) || c.is_whitespace() || c == '“' || c == '《'),
        D => prev.is_some_and(|c| c.is_ascii_digit()),
        H => prev.is_some_and(is_han),
        lit => before.ends_with(lit),
    }
}

fn applies(e: &Entry, before: &str, after: &str) -> bool {
    (e.next_only.is_empty() || e.next_only.iter().any(|t| token_matches_next(after, t)))
        && !e.next_not.iter().any(|t| token_matches_next(after, t))
        && (e.prev_only.is_empty() || e.prev_only.iter().any(|t| token_matches_prev(before, t)))
        && !e.prev_not.iter().any(|t| token_matches_prev(before, t))
}

struct Hit {
    start: usize,
    end: usize,
    entry: usize,
    strong: bool,
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "conversion-debris",
    category: crate::Category::Wording,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    let t = table();
    let mut hits: Vec<Hit> = Vec::new();
    for (m_start, m_end, pattern) in t.lexicon.find_overlapping(text) {
        let before = head(text, m_start);
        let after = rest(text, m_end);
        for &i in &t.by_pattern[pattern] {
            let e = &t.entries[i];
            if !applies(e, before, after) {
                continue;
            }
            let start = m_start + e.pre.len();
            hits.push(Hit {
                start,
                end: start + e.word.len(),
                entry: i,
                strong: e.strong,
            });
        }
    }
    resist_winds(text, &mut hits, t.entries.len());

    // One hit per span; strong if any reading is strong.
    crate::sort::sort_by(&mut hits, |h| {
        crate::sort::key3(h.start, h.end, usize::from(!h.strong))
    });
    hits.dedup_by(|later, first| {
        if later.start == first.start && later.end == first.end {
            first.strong |= later.strong;
            true
        } else {
            false
        }
    });
    let strong = hits.iter().filter(|h| h.strong).count();
    // Weak collocations count only in a text the strong ones show converted.
    let converted = strong >= 2;
    hits.retain(|h| h.strong || converted);

    for h in &hits {
        let fix = fix_of(t, h.entry);
        let word = text.get(h.start..h.end).unwrap_or("");
        let (ws, we) = window(text, h.start, h.end);
        let shown = text.get(ws..we).unwrap_or(word);
        let fixed = format!(
            "{}{}{}",
            text.get(ws..h.start).unwrap_or(""),
            fix,
            text.get(h.end..we).unwrap_or("")
        );
        out.error(
            h.start,
            h.end,
            format!("“{shown}”疑为“{fixed}”：“{fix}”被转换工具换成了“{word}”，破坏了固定搭配"),
            format!("\"{shown}\" should probably read \"{fixed}\": a conversion tool replaced \"{fix}\" with \"{word}\""),
        )
        .suggest(fix)
        .context(ws, we);
    }
    if hits.len() >= 3 {
        let n = hits.len();
        let first = &hits[0];
        out.warning(
            first.start,
            first.end,
            format!("全文有 {n} 处疑似机器转换或同义词替换留下的错词，整篇很可能经过自动转换：请对照原稿通读校对"),
            format!("{n} words look swapped by a conversion or synonym tool: the whole text was probably machine-converted; proofread it against the original"),
        )
        .aggregate(n);
    }
}

/// The replacement of an entry, or 抵制 for the window rule below.
fn fix_of(t: &Table, entry: usize) -> &'static str {
    t.entries.get(entry).map_or("抵制", |e| e.fix)
}

/// 抵制 → 抵抗: 抵抗 whose object, within the clause, is a bad wind or an
/// erroneous trend (抵抗各种不正之风). 抵抗力, 抵抗风险 stay.
fn resist_winds(text: &str, hits: &mut Vec<Hit>, marker: usize) {
    const WINDS: &[&str] = &[
        "之风",
        "歪风",
        "邪风",
        "四风",
        "不良风气",
        "思潮",
        "诱惑",
        "侵蚀",
        "腐朽",
        "不正",
        "错误思想",
        "享乐主义",
        "奢靡",
        "拜金主义",
        "低俗",
        "不良",
    ];
    let mut from = 0;
    while let Some(k) = text.get(from..).and_then(|r| r.find("抵抗")) {
        let start = from + k;
        let end = start + "抵抗".len();
        from = end;
        if rest(text, end).starts_with('力') {
            continue;
        }
        let clause: String = rest(text, end)
            .chars()
            .take(16)
            .take_while(|&c| !is_clause_punct(c) && c != '\n')
            .collect();
        if WINDS.iter().any(|w| clause.contains(w)) && !clause.starts_with("风险") {
            hits.push(Hit {
                start,
                end,
                entry: marker,
                strong: true,
            });
        }
    }
}

/// A few characters around the word, within the clause, to show the
/// collocation.
fn window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    for _ in 0..3 {
        match char_before(text, s) {
            Some(c) if is_han(c) => s -= c.len_utf8(),
            _ => break,
        }
    }
    let mut e = end;
    for _ in 0..3 {
        match char_at(text, e) {
            Some(c) if is_han(c) => e += c.len_utf8(),
            _ => break,
        }
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_flags, assert_silent, findings_of, flagged};

    const RULE: &str = "conversion-debris";

    fn singles(text: &str) -> Vec<String> {
        findings_of(RULE, text)
            .into_iter()
            .filter(|f| f.aggregate.is_none())
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn flags_issue_examples() {
        assert_flags(
            RULE,
            &[
                "坚持以科学开展观为指导。",
                "推动经济社会可持续开展。",
                "坚持民主集中制原那么。",
                "严格执行议事规那么。",
                "增强效劳意识，优化效劳。",
                "加强根底设施建设，夯实根底工作。",
                "教育引导广阔干部群众。",
                "稳固党的执政地位。",
                "查找工作中的缺乏之处。",
                "存在的缺乏和缺点。",
                "自觉抵抗各种不正之风。",
                "屡次召开专题会议。",
                "坚持发奋有为。",
                "局部党员干部理想信念淡化。",
                "提高思想熟悉。",
                "充沛发挥党组织战斗堡垒作用。",
                "推动高质量开展。",
                "树立新开展理念。",
                "否那么将严肃追责。",
                "乡镇财政自给率缺乏30%。",
                "为高质量开展提供有力保障。",
                "共建高质量开展示范区。",
                "坚持咨询导向，移交咨询线索。",
            ],
        );
    }

    #[test]
    fn fix_replaces_exactly_the_word() {
        assert_eq!(
            apply_fixes(RULE, "坚持以科学开展观为指导"),
            "坚持以科学发展观为指导"
        );
        assert_eq!(apply_fixes(RULE, "民主集中制原那么上"), "民主集中制原则上");
        assert_eq!(singles("增强效劳意识"), vec!["效劳"]);
    }

    #[test]
    fn correct_chinese_is_silent() {
        assert_silent(
            RULE,
            &[
                "深入开展工作，广泛开展活动，持续开展专项整治。",
                "确保主题教育高质量开展，推动各项工作有序开展。",
                "围绕经济开展调研，开展战略合作，开展环境整治，开展道路交通安全整治。",
                "开展理念学习，开展成果转化工作，开展观摩活动，开展规划编制。",
                "在广阔天地大有作为，发展前景广阔，市场空间广阔。",
                "缺乏经验，缺乏系统思维和有效传导，缺乏监督的主动性。",
                "地位更加稳固，打下稳固基础，社会稳固和谐。",
                "增强抵抗力，抵抗风险的能力，抵抗住洪水。",
                "屡次违反纪律，屡教不改。",
                "发奋图强，发奋努力。",
                "局部地区，局部利益服从整体利益。",
                "熟悉业务，熟悉情况。",
                "精力充沛，雨量充沛。",
                "晋升职级，共同进步。",
                "停止营业，停止使用。",
                "高原那么美，还原那么多细节，是否那么重要，标准那么高，违规那么多。",
                "为人民服务，乐意效劳。",
                "刨根问底，摸清根底。",
                "主要还存在以下问题和不足。",
                "为主题教育高质量开展提供坚强保障，高质量开展新一轮巡察，高质量开展主题教育。",
                "高质量开展攻坚行动，高质量开展示范创建。",
                "学校缺乏3名教师，由于资金的缺乏，人才的缺乏和流失。",
                "屡次赴京上访，屡次参加赌博，屡次组织聚众赌博，屡次提出无理要求。",
                "局部乡镇出现强降雨，局部村庄受灾。",
                "修订职级晋升管理办法，晋升行政级别，明确晋升标准。",
                "停止表彰，停止调研，两岸关系稳固发展，社会稳固团结。",
                "提供法律咨询、政策咨询和咨询服务，设立咨询台，接受群众咨询。",
            ],
        );
    }

    #[test]
    fn weak_collocations_need_a_converted_text() {
        let lone = "推动经济健康开展。";
        assert!(singles(lone).is_empty());
        let converted = "坚持科学开展观，效劳群众，推动经济健康开展。";
        assert_eq!(singles(converted), vec!["开展", "效劳", "开展"]);
    }

    #[test]
    fn summary_for_a_converted_text() {
        let t = "坚持科学开展观，增强效劳意识，加强根底设施建设。";
        let f = findings_of(RULE, t);
        let summary: Vec<_> = f.iter().filter(|f| f.aggregate.is_some()).collect();
        assert_eq!(summary.len(), 1);
        assert_eq!(summary[0].severity, crate::Severity::Warning);
        assert!(summary[0].message.contains("转换"));
        assert!(summary[0].suggestion.is_none());
        assert_eq!(f.iter().filter(|f| f.aggregate.is_none()).count(), 3);
        assert!(flagged(RULE, "坚持科学开展观，增强效劳意识。").len() == 2);
    }
}
