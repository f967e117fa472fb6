//! The lines a document-sharing site (文库) wraps an uploaded file in, as
//! they come along when the page is copied: the uploaded file's name as a
//! title, a line of site metrics (文档编号, 共11页, 下载积分, 浏览次数,
//! 发布时间 … 阅读量), a breadcrumb (首页 > 党政范文 > 正文), links to the
//! previous and next document, "related" lists with their titles, a line
//! that is the site's name, and the part titles of a collection (第2篇,
//! （3篇）, （通用版）).
//!
//! Each kind is told by the shape of the line, not by one site's words:
//! a line made only of "label: value" pairs whose labels are a page's
//! metrics, a line cut into short segments by > with a home or page word
//! at an end, a line ending in a file extension. A line of report text
//! never has these shapes; a breadcrumb-like "A＞B" inside a sentence is
//! not a whole line, and a report's own "来源：县统计局" is one pair of
//! labels a report may use.

use crate::document::Document;
use crate::text::class::is_han;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Page {
    /// 某县2023年度工作总结.docx
    FileName,
    /// 文档编号：…, 共11页 下载积分：5 浏览次数：1520
    Metrics,
    /// 首页 > 党政范文 > 工作总结 > 正文
    Breadcrumb,
    /// 上一篇：…, 下一篇：…, 相关推荐 and the titles under it
    Links,
    /// 道客巴巴, 某某文库
    SiteName,
    /// 第2篇, （3篇）, （通用版） at the end of a title
    Part,
}

/// Labels of a page's metrics. `true`: never a label in a report
/// (浏览次数, 下载积分); `false`: a label a report may use on its own
/// (来源, 作者), which counts only next to another.
const LABELS: &[(&str, bool)] = &[
    ("浏览", true),
    ("浏览次数", true),
    ("浏览量", true),
    ("阅读量", true),
    ("阅读次数", true),
    ("阅读数", true),
    ("点击", true),
    ("点击量", true),
    ("点击数", true),
    ("点击次数", true),
    ("下载次数", true),
    ("下载量", true),
    ("下载积分", true),
    ("所需积分", true),
    ("积分", true),
    ("下载券", true),
    ("评分", true),
    ("收藏量", true),
    ("收藏数", true),
    ("热度", true),
    ("人气", true),
    ("贡献者", true),
    ("上传者", true),
    ("上传时间", true),
    ("上传日期", true),
    ("文档编号", true),
    ("文档ID", true),
    ("文档id", true),
    ("资料编号", true),
    ("文档分类", true),
    ("文档格式", true),
    ("文档大小", true),
    ("文档页数", true),
    ("页数", true),
    ("文件大小", true),
    ("文件格式", true),
    ("售价", true),
    ("价格", true),
    ("发布时间", false),
    ("发布日期", false),
    ("更新时间", false),
    ("更新日期", false),
    ("来源", false),
    ("作者", false),
    ("编辑", false),
    ("责任编辑", false),
    ("分类", false),
    ("标签", false),
    ("关键词", false),
    ("格式", false),
    ("大小", false),
    ("字数", false),
    ("阅读", false),
    ("下载", false),
    ("收藏", false),
];

/// Words that end a breadcrumb or start it.
const HOME: &[&str] = &[
    "首页",
    "主页",
    "网站首页",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "所在位置",
    "位置",
];
const PAGE_END: &[&str] = &["正文", "详情", "内容", "文章", "阅读", "浏览"];

/// Headers of a site's lists of other documents.
const LIST_HEADERS: &[&str] = &[
    "相关推荐",
    "热门文章",
    "相关文章",
    "猜你喜欢",
    "推荐阅读",
    "热门推荐",
    "最新文章",
    "相关文档",
    "精彩推荐",
    "延伸阅读",
    "热门标签",
    "相关阅读",
    "你可能感兴趣",
    "您可能感兴趣",
    "你可能感兴趣的文章",
    "相关范文",
    "热门范文",
    "最新更新",
    "热门搜索",
    "相关搜索",
    "大家都在看",
    "为您推荐",
    "为你推荐",
    "文章推荐",
    "推荐文章",
    "本类热门",
    "最新推荐",
    "相关资料",
    "更多推荐",
];

/// Endings of a title in a list of other documents.
const GENRES: &[&str] = &[
    "总结", "报告", "计划", "方案", "要点", "心得", "体会", "讲话", "发言", "范文", "材料", "汇报",
    "意见", "通知", "篇", "稿", "提纲", "清单", "办法", "制度",
];

/// The names of document-sharing sites that carry no 网 or 文库 of their
/// own; others are told by those endings.
const SITE_NAMES: &[&str] = &["道客巴巴", "豆丁", "原创力文档", "金锄头文库", "淘豆网"];

/// Endings of a site's name.
const SITE_ENDS: &[&str] = &[
    "文库",
    "文档网",
    "范文网",
    "资料网",
    "文档",
    "范文",
    "网",
    "文库网",
];

/// File extensions of an uploaded document.
const EXTENSIONS: &[&str] = &[
    "docx", "doc", "pdf", "wps", "pptx", "ppt", "xlsx", "xls", "txt", "rtf", "caj",
];

pub(super) fn scan(doc: &Document, out: &mut Vec<(usize, usize, Page)>) {
    let lines = &doc.lines;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let raw = doc.slice(line.start, line.end);
        let content = raw.trim_matches(is_space);
        if content.is_empty() {
            i += 1;
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(is_space).len();
        let (s, e) = (line.start + lead, line.start + lead + content.len());
        if content.chars().count() > 120 {
            i += 1;
            continue;
        }
        let kind = if is_file_name(content) {
            Some(Page::FileName)
        } else if is_metrics(content) {
            Some(Page::Metrics)
        } else if is_breadcrumb(content) {
            Some(Page::Breadcrumb)
        } else if is_neighbour_link(content) {
            Some(Page::Links)
        } else if is_site_name(content) {
            Some(Page::SiteName)
        } else {
            None
        };
        if let Some(kind) = kind {
            out.push((s, e, kind));
            i += 1;
            continue;
        }
        if is_list_header(content) {
            // The header and the titles listed under it.
            let mut last = e;
            let mut k = i + 1;
            while let Some(l) = lines.get(k) {
                let t = doc.slice(l.start, l.end).trim_matches(is_space);
                if t.is_empty() {
                    k += 1;
                    continue;
                }
                if !is_listed_title(t) {
                    break;
                }
                last = l.start + doc.slice(l.start, l.end).trim_end_matches(is_space).len();
                k += 1;
            }
            out.push((s, last, Page::Links));
            i = k;
            continue;
        }
        if let Some(at) = part_suffix(content) {
            out.push((s + at, e, Page::Part));
        }
        i += 1;
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\r')
}

/// A sentence's punctuation: a line holding it is report text.
fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '，', '；', '！', '？', '、'])
}

/// 某县2023年度工作总结.docx, 工作总结.pdf (23KB)
fn is_file_name(line: &str) -> bool {
    let body = line.trim_end_matches(|c: char| {
        c.is_ascii_digit() || is_space(c) || "()（）.KkMmBb".contains(c)
    });
    // Put back what the size took of the extension's letters.
    let body = if body.len() < line.len() && !body.ends_with(|c: char| c.is_ascii_alphabetic()) {
        line
    } else {
        body
    };
    for cand in [line, body] {
        let Some(dot) = cand.rfind(['.', '．']) else {
            continue;
        };
        let name = &cand[..dot];
        let ext = cand[dot..].trim_start_matches(['.', '．']);
        let ext_word: String = ext.chars().take_while(char::is_ascii_alphabetic).collect();
        let rest = &ext[ext_word.len()..];
        let size_ok = rest.is_empty()
            || rest
                .trim_matches(is_space)
                .trim_matches(['(', ')', '（', '）'])
                .trim()
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || "KkMmBb ".contains(c));
        if EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(&ext_word))
            && size_ok
            && name.chars().any(is_han)
            && !has_sentence_punct(name)
            && name.chars().count() <= 80
        {
            return true;
        }
    }
    false
}

/// The label of a "label: value" token, and whether it is a page-only one.
fn label_of(token: &str) -> Option<(usize, bool)> {
    let mut best: Option<(usize, bool)> = None;
    for &(label, strong) in LABELS {
        if token.starts_with(label) && best.is_none_or(|(len, _)| label.len() > len) {
            let rest = &token[label.len()..];
            let next = rest.chars().next();
            // A label is followed by a colon, a number or nothing (its
            // value is the next token).
            if next.is_none() || next.is_some_and(|c| matches!(c, ':' | '：') || c.is_ascii_digit())
            {
                best = Some((label.len(), strong));
            }
        }
    }
    best
}

/// 共11页, 11页, 5页
fn is_page_count(token: &str) -> bool {
    let t = token.strip_prefix('共').unwrap_or(token);
    let Some(n) = t.strip_suffix('页') else {
        return false;
    };
    !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
}

/// A line made only of a page's metrics: 共11页 下载积分：5 浏览次数：1520;
/// 发布时间：2023-07-12 14:20 来源：本站 阅读量：3562; 文档编号：WK2023….
fn is_metrics(line: &str) -> bool {
    if has_sentence_punct(line) {
        return false;
    }
    let tokens: Vec<&str> = line
        .split(|c: char| is_space(c) || matches!(c, '|' | '丨' | '｜' | '·' | '/' | '／'))
        .filter(|t| !t.is_empty())
        .collect();
    let (mut strong, mut weak, mut dated) = (0, 0, false);
    // How many value tokens may follow the last label (a date and a time).
    let mut values_left = 0;
    for t in tokens {
        if is_page_count(t) {
            strong += 1;
            values_left = 0;
            continue;
        }
        if let Some((len, is_strong)) = label_of(t) {
            if is_strong {
                strong += 1;
            } else {
                weak += 1;
            }
            let value = t[len..].trim_start_matches([':', '：']);
            dated |= value.starts_with(|c: char| c.is_ascii_digit())
                && value.contains(['-', '年', '.', '/']);
            values_left = if value.is_empty() { 2 } else { 1 };
            continue;
        }
        if values_left > 0 && t.chars().count() <= 20 {
            values_left -= 1;
            dated |= t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(['-', '年', '/']);
            continue;
        }
        return false;
    }
    strong >= 1 || (weak >= 2 && dated)
}

/// 首页 > 党政范文 > 工作总结 > 正文; 当前位置：首页 > 范文 > 总结
fn is_breadcrumb(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split(['>', '＞', '»', '›', '〉'])
        .map(|p| p.trim_matches(is_space))
        .collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty() || p.chars().count() > 14) {
        return false;
    }
    if has_sentence_punct(line) {
        return false;
    }
    let head = parts[0];
    let head = head.rsplit([':', '：']).next().unwrap_or(head);
    let head_label = parts[0].split([':', '：']).next().unwrap_or("");
    let homeward = HOME.contains(&head) || HOME.contains(&head_label);
    let page_end = parts.last().is_some_and(|p| PAGE_END.contains(p));
    let site = parts.iter().any(|p| {
        SITE_ENDS
            .iter()
            .any(|e| p.ends_with(e) && p.chars().count() > e.chars().count())
    });
    homeward || page_end || (parts.len() >= 4 && site)
}

/// 上一篇：…, 下一篇：…, 上一页 … 下一页
fn is_neighbour_link(line: &str) -> bool {
    const LINKS: &[&str] = &[
        "上一篇",
        "下一篇",
        "上一页",
        "下一页",
        "上一条",
        "下一条",
        "上篇",
        "下篇",
    ];
    LINKS.iter().any(|w| {
        line.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '：', ' ', '\u{3000}']))
    })
}

fn is_list_header(line: &str) -> bool {
    let t = line.trim_matches(|c: char| {
        is_space(c) || matches!(c, ':' | '：' | '【' | '】' | '[' | ']' | '>' | '》' | '《')
    });
    LIST_HEADERS.contains(&t)
}

/// A title in a site's list: short, no sentence, a year or a genre word
/// at its end, and no heading number of a report.
fn is_listed_title(line: &str) -> bool {
    let n = line.chars().count();
    if n > 50 || has_sentence_punct(line) || crate::document::parse_marker(line).is_some() {
        return false;
    }
    // Without a bracketed note at its end: …范文（通用版）, …总结(3篇).
    let t = match line.strip_suffix(['）', ')']) {
        Some(head) => head.rfind(['（', '(']).map_or(line, |o| &head[..o]),
        None => line,
    };
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || is_space(c) || "篇-".contains(c));
    GENRES.iter().any(|g| t.ends_with(g)) || is_neighbour_link(line)
}

/// A line that is a site's name: 道客巴巴, 某某文库, 某某范文网.
fn is_site_name(line: &str) -> bool {
    let n = line.chars().count();
    if !(2..=12).contains(&n) || !line.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric()) {
        return false;
    }
    if SITE_NAMES.iter().any(|s| line.starts_with(s)) {
        return true;
    }
    // 网 alone ends too many words (上网, 电网, 管网): only with a site's
    // word before it.
    SITE_ENDS.iter().any(|e| {
        line.strip_suffix(e).is_some_and(|head| {
            let h = head.chars().count();
            (2..=8).contains(&h)
                && (*e != "网" || head.ends_with(['文', '档', '库', '料']))
                && (*e != "文档" && *e != "范文" || h >= 3)
        })
    })
}

/// Where a collection's part marker starts at the end of a title line:
/// "… 第2篇", "…（3篇）", "…（通用版）", "… 范文5篇".
fn part_suffix(line: &str) -> Option<usize> {
    if has_sentence_punct(line) || line.chars().count() > 60 {
        return None;
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    // 第N篇 / 范文N篇 / N篇 in brackets, or 通用版.
    let trimmed = line.trim_end_matches(is_space);
    let body = trimmed
        .strip_suffix(['）', ')'])
        .map(|b| (b, true))
        .unwrap_or((trimmed, false));
    let (inner_end, bracketed) = body;
    let open = if bracketed {
        inner_end.rfind(['（', '('])
    } else {
        None
    };
    let inner = match open {
        Some(o) => inner_end[o..].trim_start_matches(['（', '(']),
        None => inner_end,
    };
    let is_part = |s: &str| -> Option<usize> {
        // The marker's start inside `s`.
        if s.ends_with("通用版") && bracketed {
            return Some(0);
        }
        let before_pian = s.strip_suffix('篇')?;
        let digits = before_pian.trim_end_matches(numeral);
        if digits.len() == before_pian.len() {
            return None;
        }
        let head = digits.trim_end_matches(is_space);
        if let Some(h) = head.strip_suffix('第') {
            return Some(h.len());
        }
        // 范文5篇, 精选5篇, 述职报告精编3篇
        for sell in [
            "范文", "精选", "精编", "优选", "热门", "推荐", "经典", "汇编", "合集", "大全",
        ] {
            if let Some(h) = head.strip_suffix(sell) {
                return Some(h.len());
            }
        }
        bracketed
            .then_some(head.len())
            .filter(|_| head.is_empty() || bracketed)
    };
    if let Some(o) = open {
        let at = is_part(inner)?;
        // In brackets: the whole bracket, when all of it is the marker.
        return (at == 0 || inner[..at].trim().is_empty()).then_some(o);
    }
    let at = is_part(inner)?;
    // Unbracketed: 第N篇 after the title and a space, or alone; 精选5篇
    // right after a title's genre word.
    let head = &line[..at];
    let after_title = !inner[at..].starts_with('第')
        && GENRES
            .iter()
            .any(|g| head.trim_end_matches(is_space).ends_with(g));
    (head.is_empty() || head.ends_with(is_space) || after_title)
        .then(|| head.trim_end_matches(is_space).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_file_name("某县2023年度安全生产工作总结.docx"));
        assert!(is_file_name("乡镇工作总结.DOC"));
        assert!(is_file_name("党建工作汇报.pdf (235KB)"));
        assert!(!is_file_name("登录www.gov.cn查询"));
        assert!(!is_file_name("详见附件1.docx，请各单位按时报送。"));

        assert!(is_metrics("共11页 下载积分：5 浏览次数：1520"));
        assert!(is_metrics("文档编号：WK20231205012"));
        assert!(is_metrics(
            "发布时间：2023-07-12 14:20:31  来源：本站原创  浏览次数：3562"
        ));
        assert!(is_metrics("发布日期：2023年5月12日 | 作者：管理员"));
        assert!(is_metrics("阅读量 3562"));
        assert!(!is_metrics("来源：县统计局"));
        assert!(!is_metrics("作者：县委办公室"));
        assert!(!is_metrics("全年下载量达到3.2万次，同比增长12%。"));
        assert!(!is_metrics("下载"));

        assert!(is_breadcrumb("首页 > 党政范文 > 工作总结 > 正文"));
        assert!(is_breadcrumb("当前位置：首页＞工作总结"));
        assert!(is_breadcrumb("您的位置：网站首页 » 范文大全 » 述职报告"));
        assert!(!is_breadcrumb("优先级：安全>质量>进度"));
        assert!(!is_breadcrumb("坚持质量第一＞速度，确保工程安全。"));
        assert!(!is_breadcrumb("A＞B"));

        assert!(is_neighbour_link("上一篇：村委会2023年工作计划"));
        assert!(is_neighbour_link("下一篇 2023年党建工作要点"));
        assert!(!is_neighbour_link("上一篇章已经翻过"));

        assert!(is_site_name("道客巴巴"));
        assert!(is_site_name("某某文库"));
        assert!(is_site_name("第一范文网"));
        assert!(!is_site_name("电网"));
        assert!(!is_site_name("加快建设农村电网"));
        assert!(!is_site_name("工作总结"));

        assert_eq!(
            part_suffix("2023年乡镇工作总结 第2篇"),
            Some("2023年乡镇工作总结".len())
        );
        assert_eq!(part_suffix("第3篇"), Some(0));
        assert_eq!(
            part_suffix("个人述职报告（3篇）"),
            Some("个人述职报告".len())
        );
        assert_eq!(
            part_suffix("年度工作总结(通用版)"),
            Some("年度工作总结".len())
        );
        assert_eq!(part_suffix("奋力谱写新时代第一篇"), None);
        assert_eq!(
            part_suffix("2023年述职报告精选5篇"),
            Some("2023年述职报告".len())
        );
        assert_eq!(
            part_suffix("个人工作总结范文3篇"),
            Some("个人工作总结".len())
        );
        assert_eq!(part_suffix("抓好热门3篇"), None);
        assert_eq!(part_suffix("发表调研文章3篇，获评优秀。"), None);
    }
}
