//! 模板网站残留。从范文网站、文库下载的材料里，常夹着网站自己的话：
//! 开头的“【参考】此例优秀的办公资料……由网友为您精心整理编辑……喜欢就
//! 复制下载吧”，文中的“来自QQ群……微信号……海量优质材料和PPT课件”，
//! 结尾的“预览已结束，若需全文请点击👉联系老师”，还有“本文档共N页”、
//! “如有侵权请联系删除”、“关注公众号免费下载”、推广网址、邮箱、
//! QQ/微信号，论坛为防复制插进来的乱码，“【精编4篇】”“【第一篇】”
//! 这样的合集分篇标记，以及复制网页时带进来的按钮和导航文字（“下载 打印
//! 收藏 【字号：大 中 小】”“打印本页 关闭窗口”“当前位置：首页 >”）。
//! 这些文字一旦留在报告里，等于告诉读者材料是从网上下载的。
//!
//! 判断方法：不靠固定句子，而是给每句话打分——广告用语（海量、优质、
//! 精心整理）、对读者说话（您、喜欢就……吧）、下载和复制、VIP、版权和
//! 侵权声明、联系方式、网址、👉 这类指示符号，各算一份；几类信号凑在一起
//! 才算残留。正常报告里“在政府网站公开下载申报表”这样的句子不会被标出。
//!
//! 处理：整句（整行都是残留时连同这一行）一次删除，可一键应用。
//!
//! 示例：“来自QQ群藏经阁，QQ微信号：215425891，海量热门优质材料和PPT课件。”
//! → 删除整句。
//!
//! # English
//! Template-site debris: text that the website a model essay was downloaded
//! from left in it. A preface praising the "excellent material lovingly
//! compiled for you … copy and download it", a QQ/WeChat advertisement in
//! the middle, "preview ended, click 👉 to contact the teacher" at the end,
//! page counts, VIP and copyright notices, "follow our official account",
//! promotional URLs and e-mail addresses, random ASCII noise that forums
//! inject against copying, collection markers such as 【精编4篇】 and
//! 【第一篇】, and the buttons and navigation of a web page copied along
//! with the text (下载 打印 收藏 【字号：大 中 小】, 打印本页 关闭窗口).
//! Left in, they tell the reader the report was downloaded.
//!
//! Each sentence is scored from several kinds of signal (advertising words,
//! addressing the reader, download and copy words, VIP, copyright, contact
//! handles, URLs, pointing emoji); only a combination counts, so an ordinary
//! sentence that mentions a website or a download stays silent. The fix
//! deletes the whole sentence, or the whole line when the line is all debris.

mod page;
mod vocab;

use super::{Ctx, Emitter};
use crate::document::Document;
use crate::re::Regex;
use crate::text::lexicon::Lexicon;
use crate::text::seeds;
use std::sync::OnceLock;
use vocab::{Cat, CAPS, CATS, CHROME, TAG_WORDS, VOCAB};

fn vocab() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let words: Vec<&str> = VOCAB.iter().map(|(w, _, _)| *w).collect();
        Lexicon::new(&words, true)
    })
}

/// QQ 123456, 微信号：abc2021, vx: …
fn contact_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?:(?i-u:qq|vx|wx)|微信|威信|薇信|[vV]信|加[vV])(?:号码|号|群)?[ \t:：]*([A-Za-z0-9_-]{5,})",
        )
        .expect("valid regex")
    })
}

/// E-mail addresses, then URLs and bare domains.
fn link_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?P<mail>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)",
            r"|(?P<url>(?i-u:https?://|www\.)[A-Za-z0-9./?=&%#_~:+-]+",
            r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?i-u:com|cn|net|org|cc|top|xyz|vip|info|io|me|co)(?:/[A-Za-z0-9./?=&%#_~:+-]*)?)",
        ))
        .expect("valid regex")
    })
}

/// 本文档共12页, 剩余8页.
fn pages_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?P<pre>本文档|本文|文档|全文|剩余|还剩|还有)?[ \t]*共?[ \t]*[0-9０-９]+[ \t]*页",
        )
        .expect("valid regex")
    })
}

const MARKER_NUMBER: &str = "[0-9０-９一二三四五六七八九十百两]+";

/// 【精编4篇】, 【第一篇】, （精选3篇）.
fn marker_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let n = MARKER_NUMBER;
        let sell = "(?:精编|精选|精品|通用|优选|推荐|热门|最新|优秀|经典|汇编|实用|必备|范文|合集|大全|完整)";
        Regex::new(&format!(
            concat!(
                r"(?P<sq>[【\[［][ \t]*(?:第[ \t]*{n}[ \t]*篇|{sell}*[ \t]*{n}[ \t]*篇|(?:篇|范文|范例|例文)[ \t]*{n}",
                r"|(?:精选|精品|推荐|热门|范文|合集|原创|最新|必备|收藏|精编|汇编|大全))[ \t]*[】\]］])",
                r"|(?P<rd>[（(][ \t]*(?:第[ \t]*{n}[ \t]*篇|{sell}+[ \t]*{n}[ \t]*篇|(?:篇|范文|范例|例文)[ \t]*{n})[ \t]*[）)])",
            ),
            n = n,
            sell = sell
        ))
        .expect("valid regex")
    })
}

/// Every character a bracketed marker can hold.
fn marker_char(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "【[［】]］（(）) \t第篇一二三四五六七八九十百两精编选品通用优推荐热门最新秀经典汇实必备范文合集大全完整例原创收藏"
            .contains(c)
}

/// 篇一： / 第二篇： / 范文3 at a line start.
fn line_marker_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let n = MARKER_NUMBER;
        Regex::new(&format!(
            r"(?m:^[ \t\u{{3000}}]*(?P<ln>(?:篇[ \t]*{n}|第{n}篇|范文[ \t]*{n})[ \t]*[：:、.．]?)(?:[ \t\u{{3000}}\r]|$))",
        ))
        .expect("valid regex")
    })
}

/// Collection markers, in text order. The bracketed ones are searched
/// in the runs of marker characters around their words, the line-start
/// ones in the lines that start so; no marker of one kind can overlap or
/// start inside one of the other (line markers hold no brackets), so this
/// finds what one search of both over the whole text would.
fn markers(text: &str) -> Vec<(usize, usize)> {
    static SEEDS: OnceLock<seeds::Seeds> = OnceLock::new();
    // Every bracketed marker holds 篇, 范文, 范例 or 例文, or is one of
    // the words 【精选】….
    let seeds = SEEDS.get_or_init(|| {
        seeds::Seeds::new(
            &[
                "篇", "范文", "范例", "例文", "精选", "精品", "推荐", "热门", "合集", "原创",
                "最新", "必备", "收藏", "精编", "汇编", "大全",
            ],
            false,
        )
    });
    let mut out = Vec::new();
    for (at, run) in seeds::char_runs(text, seeds, marker_char) {
        for caps in marker_regex().captures_iter(run) {
            if let Some(m) = caps.name("sq").or(caps.name("rd")) {
                out.push((at + m.start(), at + m.end()));
            }
        }
    }
    let mut at = 0;
    for line in text.split('\n') {
        let head = line.trim_start_matches([' ', '\t', '\u{3000}']);
        if head.starts_with(['篇', '第']) || head.starts_with("范文") {
            for caps in line_marker_regex().captures_iter(line) {
                if let Some(m) = caps.name("ln") {
                    out.push((at + m.start(), at + m.end()));
                }
            }
        }
        at += line.len() + 1;
    }
    crate::sort::sort_by(&mut out, |&(s, e)| crate::sort::key3(s, e, 0));
    out
}

#[derive(Debug, Clone, Copy, Default)]
struct Score {
    sum: [i32; CATS],
    max: [i32; CATS],
}

impl Score {
    fn add(&mut self, cat: Cat, weight: i32) {
        let c = cat as usize;
        self.sum[c] += weight;
        self.max[c] = self.max[c].max(weight);
    }

    /// Positive evidence, each category capped.
    fn positive(&self) -> i32 {
        (0..CATS)
            .filter(|&c| c != Cat::Report as usize)
            .map(|c| self.sum[c].min(CAPS[c].max(self.max[c])))
            .sum()
    }

    fn negative(&self) -> i32 {
        self.sum[Cat::Report as usize].max(-3)
    }

    fn total(&self) -> i32 {
        self.positive() + self.negative()
    }

    /// One signal strong enough to anchor a finding (a contact id, 侵权, …).
    fn hard(&self) -> bool {
        (0..CATS).any(|c| c != Cat::Report as usize && self.max[c] >= 3)
    }

    /// Positive categories present.
    fn kinds(&self) -> usize {
        (0..CATS)
            .filter(|&c| c != Cat::Report as usize && c != Cat::Tag as usize && self.sum[c] > 0)
            .count()
    }

    fn strongest(&self) -> i32 {
        (0..CATS)
            .filter(|&c| c != Cat::Report as usize)
            .map(|c| self.max[c])
            .max()
            .unwrap_or(0)
    }

    /// A strong signal backed by a second kind (or one that needs no
    /// backing, such as a contact id), or many weak ones together.
    fn is_debris(&self) -> bool {
        let total = self.total();
        (self.hard() && total >= 4 && (self.kinds() >= 2 || self.strongest() >= 4)) || total >= 6
    }

    /// A neighbour of debris that carries some of the same signals: two
    /// kinds of them, or a strong one, and nothing of a report. (A report
    /// sentence that mentions 网站 and 公众号 next to an advert stays.)
    fn is_tail(&self) -> bool {
        self.positive() >= 2 && self.negative() == 0 && (self.kinds() >= 2 || self.hard())
    }
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "template-debris",
    category: crate::Category::Boilerplate,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let mut found: Vec<(usize, usize, Form)> = Vec::new();

    let scores = score_sentences(doc);
    let flagged: Vec<bool> = scores.iter().map(Score::is_debris).collect();
    let mut i = 0;
    while i < doc.sentences.len() {
        if !flagged[i] {
            i += 1;
            continue;
        }
        // Grow over neighbouring debris and debris-like tails in the same
        // paragraph: "请点击👉 …" "👈联系老师" is one advertisement.
        let para = doc.sentences[i].paragraph;
        let same = |k: usize| doc.sentences.get(k).is_some_and(|s| s.paragraph == para);
        let mut first = i;
        while first > 0 && same(first - 1) && scores[first - 1].is_tail() {
            first -= 1;
        }
        let mut last = i;
        while same(last + 1) && (flagged[last + 1] || scores[last + 1].is_tail()) {
            last += 1;
        }
        let (s, e) = (doc.sentences[first].start, doc.sentences[last].end);
        found.push((s, e, Form::Sentence));
        i = last + 1;
    }

    for (s, e) in markers(text) {
        found.push((s, e, Form::Marker));
    }
    scan_noise(doc, &mut found);
    scan_chrome(doc, &mut found);
    let mut pages = Vec::new();
    page::scan(doc, &mut pages);
    clip_sentences(doc, &mut found, &pages);
    found.extend(pages.into_iter().map(|(s, e, p)| (s, e, Form::Page(p))));

    crate::sort::sort_by(&mut found, |&(s, e, _)| {
        crate::sort::key3(s, crate::sort::desc(e), 0)
    });
    let mut last_end = 0;
    for (start, end, form) in found {
        if start < last_end {
            continue; // a marker inside the preface sentence
        }
        let (s, e) = whole_lines(doc, start, end);
        // Never overlap the line break the previous finding already takes.
        let s = s.max(last_end);
        let shown = excerpt(doc.slice(start, end));
        let (zh, en) = match form {
            Form::Sentence => (
                format!("模板网站残留的广告或声明“{shown}”：不是报告内容，请整句删除"),
                format!("Left-over template-site advertising or notice \"{shown}\": not part of the report; delete it"),
            ),
            Form::Marker => (
                format!("范文合集的分篇标记“{shown}”：这是下载网站的编排，请删除"),
                format!("Essay-collection marker \"{shown}\" from the download site: delete it"),
            ),
            Form::Noise => (
                format!("疑似网站为防复制插入的乱码“{shown}”：请删除"),
                format!("Random characters \"{shown}\", probably injected by a website against copying: delete them"),
            ),
            Form::Chrome => (
                format!("复制网页时带进来的按钮和导航文字“{shown}”：请删除"),
                format!("Web-page buttons and navigation (\"{shown}\") copied along with the text: delete them"),
            ),
            Form::Page(page::Page::FileName) => (
                format!("上传文件的文件名“{shown}”留在了正文里：这是文库网站页面上的标题，请删除"),
                format!("The uploaded file's name \"{shown}\" was left in the text (the document-sharing site's page title): delete it"),
            ),
            Form::Page(page::Page::Metrics) => (
                format!("文库网站页面上的文档信息“{shown}”（编号、页数、积分、浏览量等）：不是报告内容，请删除"),
                format!("Document-sharing-site page details \"{shown}\" (number, pages, points, views): not part of the report; delete them"),
            ),
            Form::Page(page::Page::Breadcrumb) => (
                format!("复制网页时带进来的栏目导航“{shown}”：请删除"),
                format!("A web page's breadcrumb \"{shown}\" copied along with the text: delete it"),
            ),
            Form::Page(page::Page::Links) => (
                format!("网站页面上的文章链接“{shown}”（上一篇、下一篇、相关推荐）：请删除"),
                format!("Links to other documents from the web page (\"{shown}\"): delete them"),
            ),
            Form::Page(page::Page::SiteName) => (
                format!("文库网站的名称“{shown}”留在了正文里：请删除"),
                format!("The document-sharing site's name \"{shown}\" was left in the text: delete it"),
            ),
            Form::Page(page::Page::Part) => (
                format!("范文合集的分篇标记“{shown}”：这是下载网站的编排，请删除"),
                format!("Essay-collection marker \"{shown}\" from the download site: delete it"),
            ),
        };
        out.error(s, e, zh, en).suggest("");
        last_end = e.max(end);
    }
}

/// A sentence the scores flagged may run over a line of a site's page
/// (文档编号, 浏览次数 …) into the next line, which has no sentence
/// punctuation either: the report's title after it would go with it. Such a
/// sentence is cut into its lines without the page's, and each line kept
/// only if it is debris on its own.
fn clip_sentences(
    doc: &Document,
    found: &mut Vec<(usize, usize, Form)>,
    pages: &[(usize, usize, page::Page)],
) {
    let overlaps = |s: usize, e: usize| pages.iter().any(|&(ps, pe, _)| ps < e && s < pe);
    let mut out = Vec::with_capacity(found.len());
    for &(s, e, form) in found.iter() {
        if form != Form::Sentence || !overlaps(s, e) {
            out.push((s, e, form));
            continue;
        }
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut at = s;
        for line in doc.slice(s, e).split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            let lead = body.len() - body.trim_start().len();
            let (ls, le) = (at + lead, at + body.trim_end().len());
            if le > ls && !overlaps(ls, le) {
                pieces.push((ls, le));
            }
            at += line.len();
        }
        if let (Some(first), Some(last)) = (pieces.first(), pieces.last()) {
            let region = doc.slice(first.0, last.1);
            let scores = score_spans(region, first.0, &pieces);
            for (k, &(ps, pe)) in pieces.iter().enumerate() {
                if scores[k].is_debris() {
                    out.push((ps, pe, Form::Sentence));
                }
            }
        }
    }
    *found = out;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Sentence,
    Marker,
    Noise,
    Chrome,
    Page(page::Page),
}

fn chrome_words() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let words: Vec<&str> = CHROME.iter().map(|(w, _)| *w).collect();
        Lexicon::new(&words, false)
    })
}

/// How much a line counts as web-page chrome: Some(weight) when it holds
/// nothing but button and navigation words and separators, None otherwise.
fn chrome_line(line: &str) -> Option<u32> {
    let separator = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '【' | '】'
                    | '['
                    | ']'
                    | ':'
                    | '：'
                    | '>'
                    | '»'
                    | '|'
                    | '丨'
                    | '×'
                    | '·'
                    | '/'
                    | '、'
                    | '-'
                    | '('
                    | ')'
                    | '（'
                    | '）'
            )
    };
    // Most lines fail at once: the first word is no button word. (Button
    // words start with no separator, so the first non-separator character
    // must start one.)
    if let Some(c) = line.chars().find(|&c| !separator(c)) {
        static FIRST: OnceLock<Vec<char>> = OnceLock::new();
        let first = FIRST.get_or_init(|| {
            CHROME
                .iter()
                .filter_map(|(w, _)| w.chars().next())
                .collect()
        });
        if !first.contains(&c) {
            return None;
        }
    }
    let mut weight = 0;
    let mut pos = 0;
    for (m_start, m_end, word) in chrome_words().find_leftmost_longest(line) {
        if !line.get(pos..m_start)?.chars().all(separator) {
            return None;
        }
        weight += CHROME.get(word).map_or(0, |&(_, w)| w);
        pos = m_end;
    }
    line.get(pos..)?.chars().all(separator).then_some(weight)
}

/// Runs of lines copied from a web page's buttons and navigation:
/// "下载 / 打印 / 全屏 / 收藏 / 【字号：加大 还原 减小】", "打印本页 关闭窗口".
fn scan_chrome(doc: &Document, out: &mut Vec<(usize, usize, Form)>) {
    let mut run: Option<(usize, usize, u32)> = None; // first line, last line, weight
    let flush = |run: &mut Option<(usize, usize, u32)>, out: &mut Vec<(usize, usize, Form)>| {
        if let Some((first, last, weight)) = run.take() {
            if weight >= 2 {
                if let (Some(a), Some(b)) = (doc.lines.get(first), doc.lines.get(last)) {
                    let s = doc.slice(a.start, a.end);
                    let lead = s.len() - s.trim_start().len();
                    let e = doc.slice(b.start, b.end);
                    out.push((a.start + lead, b.start + e.trim_end().len(), Form::Chrome));
                }
            }
        }
    };
    for (i, line) in doc.lines.iter().enumerate() {
        let content = doc.slice(line.start, line.end);
        if content.trim().is_empty() {
            continue; // blank lines do not break a run
        }
        match chrome_line(content) {
            Some(w) => {
                run = Some(match run {
                    Some((first, _, total)) => (first, i, total + w),
                    None => (i, i, w),
                });
            }
            None => flush(&mut run, out),
        }
    }
    flush(&mut run, out);
}

/// The first characters of a span, for the message.
fn excerpt(s: &str) -> String {
    let s = s.trim();
    let mut out: String = s.chars().take(24).collect();
    if s.chars().nth(24).is_some() {
        out.push('…');
    }
    out
}

/// Scores every sentence: one pass of the word list and of each pattern
/// over the whole text, each hit credited to the sentence it falls in.
fn score_sentences(doc: &Document) -> Vec<Score> {
    let spans: Vec<(usize, usize)> = doc.sentences.iter().map(|s| (s.start, s.end)).collect();
    score_spans(doc.text, 0, &spans)
}

/// Scores the spans (absolute byte offsets, in order, not overlapping) of
/// `text`, the part of the document that starts at `base`.
fn score_spans(text: &str, base: usize, spans: &[(usize, usize)]) -> Vec<Score> {
    let mut scores = vec![Score::default(); spans.len()];
    // Positions found below are relative to `text`.
    let index_of = |pos: usize| -> Option<usize> {
        let pos = pos + base;
        let i = spans.partition_point(|s| s.0 <= pos);
        let k = i.checked_sub(1)?;
        (pos < spans[k].1).then_some(k)
    };
    let span_text = |k: usize| text.get(spans[k].0 - base..spans[k].1 - base).unwrap_or("");
    let bytes = text.as_bytes();
    let ascii_boundary = |s: usize, e: usize| {
        let before = s.checked_sub(1).and_then(|k| bytes.get(k));
        !before.is_some_and(u8::is_ascii_alphabetic)
            && !bytes.get(e).is_some_and(u8::is_ascii_alphabetic)
    };
    for (start, end, id) in vocab().find_overlapping(text) {
        let Some(&(word, cat, weight)) = VOCAB.get(id) else {
            continue;
        };
        // VIP, PPT, QQ as words, not inside other Latin words.
        if word.is_ascii() && !ascii_boundary(start, end) {
            continue;
        }
        if let Some(k) = index_of(start) {
            scores[k].add(cat, weight);
        }
    }
    static CONTACT_TRIGGERS: OnceLock<seeds::Seeds> = OnceLock::new();
    let triggers = CONTACT_TRIGGERS.get_or_init(|| {
        seeds::Seeds::new(
            &["qq", "vx", "wx", "微信", "威信", "薇信", "v信", "加v"],
            true,
        )
    });
    // A handle is made of its lead word and Latin letters, digits and
    // separators only: search the runs of such characters.
    let runs = seeds::char_runs(text, triggers, |c| {
        c.is_ascii_alphanumeric() || "_- \t:：微威薇信加号码群".contains(c)
    });
    for (at, caps) in
        runs.flat_map(|(at, run)| contact_regex().captures_iter(run).map(move |c| (at, c)))
    {
        let (Some(all), Some(id)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let all_start = at + all.start();
        let id = id.as_str();
        let digits = id.bytes().filter(u8::is_ascii_digit).count();
        // wx12345 inside a longer Latin word is not a handle.
        let glued = all.as_str().starts_with(|c: char| c.is_ascii_alphabetic())
            && all_start > 0
            && bytes
                .get(all_start - 1)
                .is_some_and(u8::is_ascii_alphabetic);
        if (digits >= 5 || (digits >= 1 && id.len() >= 6)) && !glued {
            if let Some(k) = index_of(all_start) {
                scores[k].add(Cat::Contact, 4);
            }
        }
    }
    static LINK_TRIGGERS: OnceLock<seeds::Seeds> = OnceLock::new();
    let triggers = LINK_TRIGGERS.get_or_init(|| {
        // Every link holds a dot (www., a domain, a mail host) or the colon
        // of http://.
        seeds::Seeds::new(&[".", ":"], false)
    });
    // A link is printable ASCII through and through: run the pattern on
    // the runs of such characters that hold a trigger.
    let runs = seeds::trigger_windows(text, triggers, |b| (0x21..=0x7e).contains(&b));
    for (at, caps) in
        runs.flat_map(|(at, run)| link_regex().captures_iter(run).map(move |c| (at, c)))
    {
        let Some(all) = caps.get(0) else { continue };
        let all_start = at + all.start();
        let s = all.as_str().to_ascii_lowercase();
        let before = text.get(..all_start).and_then(|t| t.chars().next_back());
        if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let host = s.split('/').find(|p| p.contains('.')).unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or(host);
        // A government site or mailbox is an ordinary reference.
        if host.ends_with(".gov.cn") || host.ends_with(".gov") || host.contains(".gov.") {
            continue;
        }
        if let Some(k) = index_of(all_start) {
            // A link that is the whole sentence is there to be clicked; one
            // inside a sentence may be a source, so it needs backing.
            let alone = span_text(k).trim() == all.as_str();
            scores[k].add(Cat::Link, if alone { 4 } else { 2 });
        }
    }
    static PAGE_TRIGGERS: OnceLock<seeds::Seeds> = OnceLock::new();
    let triggers = PAGE_TRIGGERS.get_or_init(|| seeds::Seeds::new(&["页"], false));
    let lines = seeds::trigger_lines(text, triggers);
    for (at, caps) in
        lines.flat_map(|(at, line)| pages_regex().captures_iter(line).map(move |c| (at, c)))
    {
        let Some(all) = caps.get(0) else { continue };
        let weight = if caps.name("pre").is_some() { 4 } else { 1 };
        if let Some(k) = index_of(at + all.start()) {
            scores[k].add(Cat::Meta, weight);
        }
    }
    // Pointer emoji: every one is a 3-byte character led by 0xE2 or a
    // 4-byte one led by 0xF0 (lead bytes, so always a char boundary).
    static LEADS: OnceLock<seeds::Seeds> = OnceLock::new();
    let leads = LEADS.get_or_init(|| seeds::Seeds::byte_strings(&[&[0xE2], &[0xF0]]));
    for (i, _) in seeds::seed_matches(text, leads) {
        let Some(w) = text
            .get(i..)
            .and_then(|t| t.chars().next())
            .and_then(pointer_weight)
        else {
            continue;
        };
        if let Some(k) = index_of(i) {
            scores[k].add(Cat::Pointer, w);
        }
    }
    for (k, score) in scores.iter_mut().enumerate() {
        let body = span_text(k);
        // 【参考】 opening the sentence.
        if let Some(rest) = body.strip_prefix('【') {
            if let Some(close) = rest.find('】') {
                let tag = &rest[..close];
                if tag.chars().count() <= 8 && TAG_WORDS.iter().any(|w| tag.contains(w)) {
                    score.add(Cat::Tag, 2);
                }
            }
        }
    }
    scores
}

/// 👉 👈 ☞ point at a link; other emoji decorate an advertisement. Stars
/// and check marks are left out: reports use them in tables.
fn pointer_weight(c: char) -> Option<i32> {
    match c {
        '👉' | '👈' | '👇' | '👆' | '☞' | '☜' | '☛' | '☚' | '➤' | '➜' | '➡' | '⬇' => {
            Some(3)
        }
        '★' | '☆' | '✓' | '✔' => None,
        _ if matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF) => Some(2),
        _ => None,
    }
}

/// Runs of printable ASCII inside a line that look like anti-copy noise:
/// "% F3 i7 c/ T& K: y0 o" or "aF3kLm9QxZ2pW7".
fn scan_noise(doc: &Document, out: &mut Vec<(usize, usize, Form)>) {
    let text = doc.text;
    let mut seg_start: Option<usize> = None;
    let check = |s: usize, e: usize, out: &mut Vec<(usize, usize, Form)>| {
        let raw = doc.slice(s, e);
        let trimmed = raw.trim();
        if trimmed.len() >= 8 && looks_like_noise(trimmed) {
            let lead = raw.len() - raw.trim_start().len();
            out.push((s + lead, s + lead + trimmed.len(), Form::Noise));
        }
    };
    // Printable ASCII is one byte; no byte of a longer character is one.
    let bytes = text.as_bytes();
    let mut b = 0;
    while b < bytes.len() {
        // Eight bytes of non-ASCII (most Chinese text) hold no printable
        // byte: a run open before them ends at the first.
        if let Some(word) = bytes.get(b..b + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            if u64::from_le_bytes(w) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 {
                if let Some(s) = seg_start.take() {
                    check(s, b, out);
                }
                b += 8;
                continue;
            }
        }
        let printable = (b' '..=b'~').contains(&bytes[b]);
        match (printable, seg_start) {
            (true, None) => seg_start = Some(b),
            (false, Some(s)) => {
                check(s, b, out);
                seg_start = None;
            }
            _ => {}
        }
        b += 1;
    }
    if let Some(s) = seg_start {
        check(s, text.len(), out);
    }
}

fn looks_like_noise(seg: &str) -> bool {
    if seg.contains("://") || seg.contains("www.") || seg.contains('@') {
        return false;
    }
    let has = |f: fn(&char) -> bool| seg.chars().any(|c| f(&c));
    let mixed =
        has(char::is_ascii_uppercase) && has(char::is_ascii_lowercase) && has(char::is_ascii_digit);
    if !mixed {
        return false;
    }
    let tokens: Vec<&str> = seg.split_whitespace().collect();
    let solid: usize = tokens.iter().map(|t| t.len()).sum();
    let symbols: Vec<char> = seg
        .chars()
        .filter(|c| !c.is_ascii_alphanumeric() && !c.is_whitespace())
        .collect();
    let mut kinds = symbols.clone();
    crate::sort::sort_by(&mut kinds, |&c| u128::from(c));
    kinds.dedup();
    // Discuz-style jammer: many one- or two-character tokens with symbols.
    if tokens.len() >= 4
        && solid >= 8
        && solid <= tokens.len() * 3
        && symbols.len() * 5 >= solid
        && kinds.len() >= 3
    {
        return true;
    }
    // One long random token: the character class changes all the time.
    tokens.iter().any(|t| {
        let class = |c: char| {
            if c.is_ascii_uppercase() {
                0
            } else if c.is_ascii_lowercase() {
                1
            } else if c.is_ascii_digit() {
                2
            } else {
                3
            }
        };
        let digits = t.bytes().filter(u8::is_ascii_digit).count();
        let upper = t.bytes().filter(u8::is_ascii_uppercase).count();
        let lower = t.bytes().filter(u8::is_ascii_lowercase).count();
        let changes = t
            .chars()
            .zip(t.chars().skip(1))
            .filter(|&(a, b)| class(a) != class(b))
            .count();
        t.len() >= 10 && digits >= 3 && upper >= 2 && lower >= 2 && changes * 2 >= t.len()
    })
}

/// Only blanks between the span and the line breaks around it.
fn fills_its_lines(text: &str, start: usize, end: usize) -> bool {
    let blank = |c: char| c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{feff}';
    let head_blank = text
        .get(..start)
        .and_then(|s| s.chars().rev().find(|&c| !blank(c)))
        .is_none_or(|c| c == '\n' || c == '\r');
    let tail_blank = text
        .get(end..)
        .and_then(|s| s.chars().find(|&c| !blank(c)))
        .is_none_or(|c| c == '\n' || c == '\r');
    head_blank && tail_blank
}

/// A span that is everything on its line(s) grows to the whole line(s) and
/// one line break, so deleting it leaves no empty line behind. Looks only
/// at the blanks around the span.
pub(crate) fn whole_lines(doc: &Document, start: usize, end: usize) -> (usize, usize) {
    if !fills_its_lines(doc.text, start, end) {
        return (start, end);
    }
    let first = doc.line_index(start);
    let last = doc.line_index(end.saturating_sub(1).max(start));
    let (Some(l1), Some(l2)) = (doc.lines.get(first), doc.lines.get(last)) else {
        return (start, end);
    };
    if let Some(next) = doc.lines.get(last + 1) {
        (l1.start, next.start)
    } else if let Some(prev) = first.checked_sub(1).and_then(|p| doc.lines.get(p)) {
        (prev.end, l2.end)
    } else {
        (l1.start, l2.end)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_flags, assert_silent, flagged};

    const RULE: &str = "template-debris";

    #[test]
    fn flags_advertising_sentences() {
        assert_flags(
            RULE,
            &[
                "本文由范文吧网友投稿，版权归原作者所有，如有侵权请联系删除。",
                "下载文档到电脑，查找使用更方便",
                "预览已结束，剩余8页可下载查看",
                "本文档共12页，当前为第1页",
                "欢迎加入写作交流QQ群：123456789，获取更多公文范文。",
                "亲，喜欢的话记得点赞收藏哦~",
                "https://www.wenkuxiazai.com/doc/12345.html",
                "----精品文档，欢迎下载----",
            ],
        );
    }

    #[test]
    fn ordinary_sentences_stay_silent() {
        assert_silent(
            RULE,
            &[
                "在政府网站公开下载申报表。",
                "通过门户网站、微信公众号等平台公开政务信息1200余条。",
                "加强版权保护，查处侵权盗版案件12起。",
                "举报电话12388，举报QQ：123456789。",
                "详见区政府门户网站（http://www.xinjin.gov.cn）。",
                "提供海量数据支撑和优质服务。",
            ],
        );
    }

    #[test]
    fn deleting_a_whole_line_leaves_clean_text() {
        let text = "标题\n更多精彩范文，请关注微信公众号，回复关键词免费获取！\n正文第一段。";
        assert_eq!(apply_fixes(RULE, text), "标题\n正文第一段。");
        let text = "正文第一段。\n本文档共12页，VIP用户免费下载";
        assert_eq!(apply_fixes(RULE, text), "正文第一段。");
        let text = "标题\r\n喜欢就复制下载吧！\r\n正文。";
        assert_eq!(apply_fixes(RULE, text), "标题\r\n正文。");
        // Two debris lines in a row, the second the last line of the text.
        let text = "正文。\n喜欢就复制下载吧！\n本文档共3页，VIP用户免费下载";
        assert_eq!(apply_fixes(RULE, text), "正文。\n");
    }

    #[test]
    fn deleting_a_sentence_inside_a_paragraph() {
        let text = "损害群众知情权。来自QQ群某群，微信号：wenmi2021，海量优质材料。下一句。";
        assert_eq!(apply_fixes(RULE, text), "损害群众知情权。下一句。");
        // A report sentence about the website and the official account next
        // to the advert is not swallowed by it.
        let text =
            "网站和微信公众号发布信息1200条。来自QQ群某群，微信号：wenmi2021，海量优质材料。";
        assert_eq!(apply_fixes(RULE, text), "网站和微信公众号发布信息1200条。");
    }

    #[test]
    fn markers() {
        assert_eq!(
            flagged(RULE, "政治生态总体评价【第一篇】"),
            vec!["【第一篇】"]
        );
        assert_eq!(flagged(RULE, "工作总结（精选3篇）"), vec!["（精选3篇）"]);
        assert_eq!(
            apply_fixes(RULE, "工作总结【精编4篇】\n正文"),
            "工作总结\n正文"
        );
        assert_eq!(apply_fixes(RULE, "【第二篇】\n正文"), "正文");
        assert_silent(
            RULE,
            &["（一）基本情况", "奋力谱写新时代第一篇章", "【典型案例】"],
        );
    }

    #[test]
    fn web_page_chrome() {
        let text = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年政府工作报告\n正文。\n打印本页 关闭窗口";
        assert_eq!(apply_fixes(RULE, text), "2026年政府工作报告\n正文。");
        assert_silent(RULE, &["下载", "一、下载", "大中小学校", "首页设计"]);
    }

    #[test]
    fn noise() {
        assert_eq!(
            apply_fixes(RULE, "正文。\n% F3 i7 c/ T& K: y0 o\n下文。"),
            "正文。\n下文。"
        );
        assert_flags(RULE, &["aF3kLm9QxZ2pW7rT"]);
        assert_silent(
            RULE,
            &[
                "PM2.5浓度下降",
                "COVID-19疫情",
                "GB/T 9704-2012",
                "(a + b) / 2",
                "iPhone12ProMax",
            ],
        );
    }
}
