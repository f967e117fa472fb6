//! The map and the writer: exact positions across tables, text boxes,
//! fields, hyperlinks, tracked changes, runs split mid-word and numbering;
//! every output re-read by the reader.

use super::tests::doc;
use super::*;

const CT: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let d = doc(body);
    let mut parts = vec![
        ("[Content_Types].xml", CT),
        ("word/document.xml", d.as_str()),
        ("word/numbering.xml", NUMBERING),
    ];
    parts.extend_from_slice(extra);
    tests::build(&parts)
}

fn opts() -> WriteOptions<'static> {
    WriteOptions {
        author: "稿检",
        date: Some("2025-01-02T03:04:05Z"),
    }
}

fn text_of(bytes: &[u8]) -> String {
    read(bytes, &Limits::default()).unwrap().text
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut pkg = zip::Package::open(bytes, &Limits::default()).unwrap();
    String::from_utf8(pkg.read(name).unwrap().unwrap_or_default()).unwrap()
}

/// The span of the first `needle` in the text.
fn span(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    (at, at + needle.len())
}

fn fix_one(bytes: &[u8], needle: &str, with: &str, mode: FixMode) -> Outcome {
    let text = text_of(bytes);
    let (start, end) = span(&text, needle);
    let c = Change {
        start,
        end,
        text: with.to_string(),
    };
    fix(bytes, &Limits::default(), &[c], mode, &opts()).unwrap()
}

/// The text between a comment's range start and its end, in the reader's
/// terms: the annotated document.xml cut at the markers and read.
fn commented(bytes: &[u8], id: u64) -> String {
    let xml = part(bytes, "word/document.xml");
    let start = format!("<w:commentRangeStart w:id=\"{id}\"/>");
    let end = format!("<w:commentRangeEnd w:id=\"{id}\"/>");
    let (a, b) = (xml.find(&start).unwrap(), xml.find(&end).unwrap());
    assert!(a < b, "range start after its end");
    // Mark the range with two private-use characters and read the text.
    let marked = format!(
        "{}<w:r><w:t>\u{E001}</w:t></w:r>{}<w:r><w:t>\u{E002}</w:t></w:r>{}",
        &xml[..a],
        &xml[a..b],
        &xml[b..]
    );
    let d = read_xml(marked.as_bytes(), None, Some(NUMBERING.as_bytes())).unwrap();
    let (s, e) = (
        d.text.find('\u{E001}').unwrap(),
        d.text.find('\u{E002}').unwrap(),
    );
    d.text[s + 3..e].to_string()
}

fn annotate_one(bytes: &[u8], needle: &str) -> Outcome {
    let text = text_of(bytes);
    let (start, end) = span(&text, needle);
    let c = Comment {
        start,
        end,
        text: "问题\n建议：改".to_string(),
    };
    let out = annotate(bytes, &Limits::default(), &[c], &opts()).unwrap();
    assert_eq!(text_of(&out.bytes), text, "annotating changed the text");
    out
}

fn r(text: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
    )
}

fn p(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

#[test]
fn reader_text_is_unchanged_by_mapping() {
    let body = [p(&r("一段")), p(&r("两&amp;段"))].concat();
    let bytes = docx(&body, &[]);
    let (d, map) = read_mapped(&bytes, &Limits::default()).unwrap();
    assert_eq!(d, read(&bytes, &Limits::default()).unwrap());
    // Every character with a position comes from that position.
    let xml = part(&bytes, "word/document.xml");
    for (i, c) in d.text.char_indices() {
        if let Some(pt) = map.point(i, false) {
            let raw = &xml[pt.raw as usize..];
            assert!(
                raw.starts_with(c) || (c == '&' && raw.starts_with("&amp;")),
                "{c:?} at {i} maps to {:?}",
                &raw[..raw.len().min(8)]
            );
        } else {
            assert_eq!(c, '\n', "only the line break has no position");
        }
    }
}

#[test]
fn comment_in_a_table_cell() {
    let cell = |t: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", p(&r(t)));
    let body = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{}",
        cell("项目"),
        cell("金额"),
        cell("合计"),
        cell("120万元"),
        p(&r("以上。"))
    );
    let bytes = docx(&body, &[]);
    assert_eq!(text_of(&bytes), "项目\t金额\n合计\t120万元\n以上。");
    let out = annotate_one(&bytes, "120");
    assert_eq!((out.anchored, out.on_paragraph), (1, 0));
    assert_eq!(commented(&out.bytes, 1), "120");
    // Across two cells: on the paragraph of the first.
    let out = annotate_one(&bytes, "合计\t120");
    assert_eq!((out.anchored, out.on_paragraph), (0, 1));
    assert_eq!(commented(&out.bytes, 1), "合计");
    // Comment part, relationship and content type were added.
    let comments = part(&out.bytes, "word/comments.xml");
    assert!(
        comments.contains(r#"<w:comment w:id="1" w:author="稿检" w:date="2025-01-02T03:04:05Z""#),
        "{comments}"
    );
    assert!(
        comments.contains(">问题</w:t>") && comments.contains(">建议：改</w:t>"),
        "{comments}"
    );
    assert!(part(&out.bytes, "word/_rels/document.xml.rels")
        .contains("relationships/comments\" Target=\"comments.xml\""));
    assert!(part(&out.bytes, "[Content_Types].xml").contains("/word/comments.xml"));
    // A fix in a cell keeps the cell's run properties.
    let out = fix_one(&bytes, "120", "130", FixMode::Tracked);
    assert_eq!(out.applied, 1);
    let xml = part(&out.bytes, "word/document.xml");
    assert!(xml.contains(r#"<w:del w:id="1" w:author="稿检" w:date="2025-01-02T03:04:05Z"><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:delText xml:space="preserve">120</w:delText></w:r></w:del><w:ins w:id="2" w:author="稿检" w:date="2025-01-02T03:04:05Z"><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">130</w:t></w:r></w:ins>"#), "{xml}");
    assert_eq!(text_of(&out.bytes), "项目\t金额\n合计\t130万元\n以上。");
}

#[test]
fn text_boxes_come_before_their_paragraph() {
    let txbx = format!(
        r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent>{}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#,
        p(&r("框内XX文字")),
        p(&r("框内XX文字"))
    );
    let body = p(&format!("{}{txbx}{}", r("正文前"), r("正文后")));
    let bytes = docx(&body, &[]);
    assert_eq!(text_of(&bytes), "框内XX文字\n正文前正文后");
    let out = annotate_one(&bytes, "XX");
    assert_eq!(out.anchored, 1);
    assert_eq!(commented(&out.bytes, 1), "XX");
    let out = annotate_one(&bytes, "正文后");
    assert_eq!(commented(&out.bytes, 1), "正文后");
    let out = fix_one(&bytes, "XX", "三项", FixMode::Direct);
    assert_eq!(text_of(&out.bytes), "框内三项文字\n正文前正文后");
    // From the text box into its anchoring paragraph: not one range.
    let out = annotate_one(&bytes, "文字\n正文");
    assert_eq!(out.on_paragraph, 1);
}

#[test]
fn hyperlinks_and_fields() {
    let body = [
        p(&format!(
            r#"{}<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{}</w:hyperlink>{}"#,
            r("详见"),
            r("网站,链接"),
            r("。")
        )),
        p(&format!(
            r#"{}<w:fldSimple w:instr=" DATE "><w:r><w:t>2024年1月1日</w:t></w:r></w:fldSimple>"#,
            r("日期：")
        )),
        p(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>第3页</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#),
    ]
    .concat();
    let bytes = docx(&body, &[]);
    assert_eq!(
        text_of(&bytes),
        "详见网站,链接。\n日期：2024年1月1日\n第3页"
    );
    let out = annotate_one(&bytes, "见网站");
    assert_eq!(commented(&out.bytes, 1), "见网站");
    let out = fix_one(&bytes, ",", "，", FixMode::Tracked);
    assert_eq!(
        text_of(&out.bytes),
        "详见网站，链接。\n日期：2024年1月1日\n第3页"
    );
    let xml = part(&out.bytes, "word/document.xml");
    // The revision stays inside the hyperlink.
    let link = &xml[xml.find("<w:hyperlink").unwrap()..xml.find("</w:hyperlink>").unwrap()];
    assert!(
        link.contains("<w:delText xml:space=\"preserve\">,</w:delText>")
            && link.contains("<w:ins "),
        "{link}"
    );
    let out = fix_one(&bytes, "3", "4", FixMode::Direct);
    assert_eq!(
        text_of(&out.bytes),
        "详见网站,链接。\n日期：2024年1月1日\n第4页"
    );
    let out = annotate_one(&bytes, "2024年");
    assert_eq!(commented(&out.bytes, 1), "2024年");
}

#[test]
fn existing_tracked_changes() {
    let body = p(&format!(
        r#"{}<w:del w:id="7" w:author="张三"><w:r><w:delText>约</w:delText></w:r></w:del><w:ins w:id="8" w:author="张三">{}</w:ins>{}"#,
        r("今年完成"),
        r("12"),
        r("项,任务。")
    ));
    let bytes = docx(&body, &[]);
    assert_eq!(text_of(&bytes), "今年完成12项,任务。");
    let out = annotate_one(&bytes, "完成12");
    assert_eq!(commented(&out.bytes, 9), "完成12");
    // Across the deletion and into the insertion: two pieces, one insertion.
    let out = fix_one(&bytes, "成12项", "成十二项", FixMode::Tracked);
    assert_eq!(out.applied, 1);
    assert_eq!(text_of(&out.bytes), "今年完成十二项,任务。");
    let xml = part(&out.bytes, "word/document.xml");
    assert_eq!(xml.matches("<w:ins ").count(), 2, "{xml}");
    assert_eq!(
        xml.matches("w:author=\"稿检\"").count(),
        4,
        "3 deletions and 1 insertion: {xml}"
    );
    assert!(xml.contains(
        r#"<w:del w:id="7" w:author="张三"><w:r><w:delText>约</w:delText></w:r></w:del>"#
    ));
    // New ids above the document's own.
    assert!(xml.contains(r#"<w:del w:id="9" w:author="稿检""#), "{xml}");
    let out = fix_one(&bytes, "成12项", "成十二项", FixMode::Direct);
    assert_eq!(text_of(&out.bytes), "今年完成十二项,任务。");
}

#[test]
fn runs_split_mid_word_keep_their_properties() {
    let body = p(&format!(
        r#"{}<w:r><w:rPr><w:b/></w:rPr><w:t>X</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>X</w:t></w:r>{}"#,
        r("完成"),
        r("项。")
    ));
    let bytes = docx(&body, &[]);
    assert_eq!(text_of(&bytes), "完成XX项。");
    let out = annotate_one(&bytes, "XX");
    assert_eq!(commented(&out.bytes, 1), "XX");
    let out = annotate_one(&bytes, "成X");
    assert_eq!(commented(&out.bytes, 1), "成X");
    let out = fix_one(&bytes, "XX", "12", FixMode::Tracked);
    assert_eq!(text_of(&out.bytes), "完成12项。");
    let xml = part(&out.bytes, "word/document.xml");
    assert!(xml.contains(r#"<w:ins w:id="2" w:author="稿检" w:date="2025-01-02T03:04:05Z"><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">12</w:t></w:r></w:ins>"#), "{xml}");
    assert!(
        xml.contains(
            r#"<w:r><w:rPr><w:i/></w:rPr><w:delText xml:space="preserve">X</w:delText></w:r>"#
        ),
        "{xml}"
    );
    let out = fix_one(&bytes, "XX", "12", FixMode::Direct);
    assert_eq!(text_of(&out.bytes), "完成12项。");
    let xml = part(&out.bytes, "word/document.xml");
    assert!(xml.contains(r#"<w:r><w:rPr><w:b/></w:rPr><w:t>12</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t></w:t></w:r>"#), "{xml}");
    // Half of a run.
    let out = fix_one(&bytes, "完", "已完", FixMode::Tracked);
    assert_eq!(text_of(&out.bytes), "已完成XX项。");
}

#[test]
fn numbering_labels_are_not_in_the_runs() {
    let body = [
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>"#.to_string(),
        p("<w:r><w:t>正文</w:t><w:tab/><w:t>内容</w:t></w:r>"),
    ]
    .concat();
    let bytes = docx(&body, &[]);
    assert_eq!(text_of(&bytes), "一、总体情况\n正文\t内容");
    let out = fix_one(&bytes, "一、", "一，", FixMode::Tracked);
    assert_eq!((out.applied, out.skipped.len()), (0, 1));
    assert!(out.skipped[0].zh.contains("自动编号"), "{:?}", out.skipped);
    assert_eq!(text_of(&out.bytes), "一、总体情况\n正文\t内容");
    let out = fix_one(&bytes, "文\t内", "文内", FixMode::Direct);
    assert_eq!(out.skipped.len(), 1, "a w:tab is not text of a run");
    let out = annotate_one(&bytes, "一、总");
    assert_eq!((out.anchored, out.on_paragraph), (0, 1));
    assert_eq!(commented(&out.bytes, 1), "总体情况");
    let out = annotate_one(&bytes, "体情");
    assert_eq!(commented(&out.bytes, 1), "体情");
}

#[test]
fn entities_and_spaces() {
    let body = p(r#"<w:r><w:t>A&amp;B  C</w:t></w:r>"#);
    let bytes = docx(&body, &[]);
    assert_eq!(text_of(&bytes), "A&B  C");
    let out = fix_one(&bytes, "&", "和", FixMode::Tracked);
    assert_eq!(text_of(&out.bytes), "A和B  C");
    assert!(part(&out.bytes, "word/document.xml")
        .contains("<w:delText xml:space=\"preserve\">&amp;</w:delText>"));
    // The split keeps both spaces (the w:t gets xml:space="preserve").
    let out = fix_one(&bytes, "B", "b", FixMode::Tracked);
    assert_eq!(text_of(&out.bytes), "A&b  C");
    assert!(!part(&out.bytes, "word/document.xml").contains("<w:t>"));
    let out = fix_one(&bytes, "C", "<c>", FixMode::Direct);
    assert_eq!(text_of(&out.bytes), "A&B  <c>");
}

#[test]
fn existing_comments_are_kept_and_ids_stay_unique() {
    let comments = r#"<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="李四"><w:p><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment><w:comment w:id="5" w:author="李四"><w:p><w:r><w:t>第二条</w:t></w:r></w:p></w:comment></w:comments>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#;
    let body = p(&format!(
        r#"<w:commentRangeStart w:id="0"/>{}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>{}"#,
        r("甲乙"),
        r("丙丁")
    ));
    let ct = CT.replace("</Types>", r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#);
    let bytes = docx(
        &body,
        &[
            ("word/comments.xml", comments),
            ("word/_rels/document.xml.rels", rels),
            ("[Content_Types].xml", ct.as_str()),
        ],
    );
    let out = annotate_one(&bytes, "丙");
    let c = part(&out.bytes, "word/comments.xml");
    assert!(c.contains("原有批注") && c.contains("第二条"), "{c}");
    assert!(c.contains(r#"<w:comment w:id="6" w:author="稿检""#), "{c}");
    assert_eq!(commented(&out.bytes, 6), "丙");
    assert_eq!(
        part(&out.bytes, "word/_rels/document.xml.rels"),
        rels,
        "the relationship was there"
    );
    assert_eq!(
        part(&out.bytes, "[Content_Types].xml")
            .matches("comments.xml")
            .count(),
        1
    );
}

#[test]
fn untouched_entries_are_copied_as_stored() {
    let body = p(&r("一段文字"));
    let stored = testkit::RawEntry {
        name: "word/media/image1.png",
        method: 0,
        data: b"\x89PNG fake",
        crc: crc32(b"\x89PNG fake"),
        size: 9,
    };
    let d = doc(&body);
    let deflated = miniz_oxide::deflate::compress_to_vec(d.as_bytes(), 1);
    let ct_packed = miniz_oxide::deflate::compress_to_vec(CT.as_bytes(), 9);
    let bytes = testkit::zip_raw(&[
        testkit::RawEntry {
            name: "[Content_Types].xml",
            method: 8,
            data: &ct_packed,
            crc: crc32(CT.as_bytes()),
            size: CT.len() as u32,
        },
        testkit::RawEntry {
            name: "word/document.xml",
            method: 8,
            data: &deflated,
            crc: crc32(d.as_bytes()),
            size: d.len() as u32,
        },
        stored,
    ]);
    let out = fix(&bytes, &Limits::default(), &[], FixMode::Tracked, &opts()).unwrap();
    // No change: the same document, and the image's bytes as they were.
    assert_eq!(text_of(&out.bytes), "一段文字");
    let find = |b: &[u8], what: &[u8]| b.windows(what.len()).position(|w| w == what);
    let at = find(&out.bytes, b"word/media/image1.png").unwrap();
    assert_eq!(&out.bytes[at + 21..at + 30], b"\x89PNG fake");
    // Content types compressed at level 9 are copied, not recompressed.
    assert!(find(&out.bytes, &ct_packed).is_some());
}

#[test]
fn overlapping_and_outside_changes_are_refused() {
    let bytes = docx(&p(&r("甲乙丙丁")), &[]);
    let c = |a, b, t: &str| Change {
        start: a,
        end: b,
        text: t.to_string(),
    };
    let out = fix(
        &bytes,
        &Limits::default(),
        &[c(0, 6, "一二"), c(3, 9, "x"), c(20, 30, "y"), c(1, 2, "z")],
        FixMode::Direct,
        &opts(),
    )
    .unwrap();
    assert_eq!(out.applied, 1);
    assert_eq!(out.skipped.len(), 3);
    assert_eq!(text_of(&out.bytes), "一二丙丁");
}

#[test]
fn written_parts_may_be_stored() {
    // The web build stores the parts it writes (no compressor in the
    // download): the same zip, readable, with method 0 entries.
    let bytes = docx(&p(&r("一段文字")), &[]);
    let new_doc = doc(&p(&r("另一段")));
    let replace = vec![
        (
            "word/document.xml".to_string(),
            new_doc.clone().into_bytes(),
        ),
        ("word/comments.xml".to_string(), b"<w:comments/>".to_vec()),
    ];
    for deflate in [false, true] {
        let out = repack::repack_as(&bytes, &replace, deflate).unwrap();
        assert_eq!(text_of(&out), "另一段");
        assert_eq!(part(&out, "word/document.xml"), new_doc);
        assert_eq!(part(&out, "word/comments.xml"), "<w:comments/>");
        assert_eq!(part(&out, "[Content_Types].xml"), CT);
        let stored = out.windows(new_doc.len()).any(|w| w == new_doc.as_bytes());
        assert_eq!(stored, !deflate);
    }
}
