use super::body::is_toc;
use super::zip::end_record;
use super::*;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A .docx with these parts (deflated), plus the package boilerplate
/// unless given.
pub(crate) fn build(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut all: Vec<(&str, &str)> = parts.to_vec();
    if !parts.iter().any(|(n, _)| *n == "_rels/.rels") {
        all.push((
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
            ));
    }
    let all: Vec<(&str, &[u8])> = all.iter().map(|(n, b)| (*n, b.as_bytes())).collect();
    testkit::zip(&all)
}

/// A document.xml whose body is `body`.
pub(crate) fn doc(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
    )
}

fn p(style: &str, text: &str) -> String {
    let ppr = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn pn(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Heading 3"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 4"/></w:style>
<w:style w:type="paragraph" w:styleId="mine"><w:name w:val="我的标题"/><w:basedOn w:val="Heading3"/></w:style>
<w:style w:type="paragraph" w:styleId="body9"><w:name w:val="heading 5"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="5">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlRestart w:val="0"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
 <w:lvl w:ilvl="4"><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="ideographTraditional"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%5、"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>"#;

fn read_body(body: &str) -> DocxText {
    let bytes = build(&[
        ("word/document.xml", &doc(body)),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
    ]);
    read(&bytes, &Limits::default()).unwrap()
}

fn lines(d: &DocxText) -> Vec<&str> {
    d.text.split('\n').collect()
}

#[test]
fn numbered_headings_and_styles() {
    let body = [
        p("a3", "关于2023年度政治生态情况的报告"),
        p("1", "基本情况"),
        p("", "全县共有党员1200名。"),
        p("2", "组织建设"),
        pn(1, 2, "加强理论学习。"),
        pn(1, 2, "落实主体责任。"),
        p("2", "作风建设"),
        pn(1, 2, "整治形式主义。"),
        p("1", "存在问题"),
        p("2", "学习不深入"),
        p("Heading3", "具体表现"),
        p("a5", "第四级"),
        p("mine", "继承的标题"),
        p("body9", "正文样式"),
        p("1", ""),
    ]
    .concat();
    let d = read_body(&body);
    assert_eq!(
        lines(&d),
        [
            "关于2023年度政治生态情况的报告",
            "一、基本情况",
            "全县共有党员1200名。",
            "（一）组织建设",
            "1.加强理论学习。",
            "2.落实主体责任。",
            "（二）作风建设",
            "1.整治形式主义。",
            "二、存在问题",
            "（一）学习不深入",
            "具体表现",
            "第四级",
            "继承的标题",
            "正文样式",
            "三、",
        ]
    );
    assert_eq!(
        d.hints.heading_levels,
        [
            (1, 1),
            (3, 2),
            (6, 2),
            (8, 1),
            (9, 2),
            (10, 3),
            (11, 4),
            (12, 3),
            (14, 1)
        ]
    );
    assert!(!d.tracked_changes);
    // The analyser sees the headings.
    let report = crate::analyze_with(
        &d.text,
        &crate::ProfileChoice::Auto,
        &crate::Config::default(),
        &d.hints,
    );
    let titles: Vec<&str> = report.outline.iter().map(|o| o.title.as_str()).collect();
    assert!(titles.contains(&"一、基本情况"), "{titles:?}");
    assert!(titles.contains(&"（二）作风建设"), "{titles:?}");
    assert!(titles.contains(&"继承的标题"), "{titles:?}");
}

#[test]
fn list_restarts_and_formats() {
    let body = [
        pn(1, 0, "甲"),
        pn(1, 0, "乙"),
        // A new list instance with a start override restarts.
        pn(2, 0, "丙"),
        pn(2, 0, "丁"),
        pn(3, 0, "总则"),
        pn(3, 1, "范围"),
        pn(3, 1, "术语"),
        pn(3, 0, "要求"),
        // lvlRestart 0: level 1 keeps counting.
        pn(3, 1, "细则"),
        pn(3, 2, "圈"),
        pn(3, 3, "点"),
        pn(3, 4, "天干"),
        pn(3, 4, "天干"),
        pn(4, 0, "重新"),
        // numId 0 removes numbering; unknown numIds give nothing.
        pn(0, 0, "无编号"),
        pn(99, 0, "未知"),
    ]
    .concat();
    let d = read_body(&body);
    assert_eq!(
        lines(&d),
        [
            "一、甲",
            "二、乙",
            "一、丙",
            "二、丁",
            "1.总则",
            "1.1 范围",
            "1.2 术语",
            "2.要求",
            "2.3 细则",
            "③圈",
            "点",
            "甲、天干",
            "乙、天干",
            "7.重新",
            "无编号",
            "未知",
        ]
    );
    assert!(d.hints.heading_levels.is_empty());
}

#[test]
fn number_formats() {
    let cases = [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (21, "chineseCountingThousand", "二十一"),
        (105, "chineseCounting", "一百零五"),
        (110, "chineseCounting", "一百一十"),
        (10010, "chineseCounting", "一万零一十"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "japaneseCounting", "三"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "11"),
        (2, "ideographZodiac", "丑"),
        (2025, "ideographDigital", "二〇二五"),
        (1, "decimalEnclosedCircle", "①"),
        (20, "decimalEnclosedCircleChinese", "⑳"),
        (21, "decimalEnclosedCircle", "21"),
        (3, "decimalEnclosedParen", "⑶"),
        (3, "decimalEnclosedFullstop", "⒊"),
        (12, "decimalFullWidth", "１２"),
        (4, "decimalZero", "04"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (28, "upperLetter", "BB"),
        (2, "lowerLetter", "b"),
        (22, "ordinal", "22nd"),
        (0, "chineseCounting", "〇"),
        (-3, "chineseCounting", "-3"),
        (5, "none", ""),
        (5, "somethingNew", "5"),
        (i64::MAX, "upperRoman", "9223372036854775807"),
    ];
    for (n, fmt, want) in cases {
        assert_eq!(format_number(n, fmt), want, "{n} {fmt}");
    }
}

#[test]
fn tables_become_rows() {
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", p("", t));
    let body = [
            p("", "表1 经费情况"),
            format!(
                "<w:tbl><w:tblGrid/><w:tr>{}{}{}</w:tr><w:tr>{}{}<w:tc>{}{}</w:tc></w:tr><w:tr>{}{}</w:tr><w:tr><w:tc><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc>{}</w:tr></w:tbl>",
                cell("项目"), cell("金额"), cell("备注"),
                cell("合计"), cell("120"), p("", "第一段"), p("", "第二段"),
                cell(""), cell(""),
                cell("内"), cell("表"), cell("外"),
            ),
            p("", "表后正文。"),
        ]
        .concat();
    let d = read_body(&body);
    assert_eq!(
        lines(&d),
        [
            "表1 经费情况",
            "项目\t金额\t备注",
            "合计\t120\t第一段 第二段",
            "内 表\t外",
            "表后正文。"
        ]
    );
}

#[test]
fn tracked_changes_fields_and_run_content() {
    let body = [
            r#"<w:p><w:r><w:t>全年完成</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>十</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>十二</w:t></w:r></w:ins><w:r><w:t>项任务。</w:t></w:r></w:p>"#,
            // A deleted paragraph: its text and its mark are gone.
            r#"<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:del w:id="4" w:author="a"><w:r><w:delText>删掉的段落</w:delText></w:r></w:del></w:p>"#,
            // A deleted paragraph mark joins two paragraphs.
            r#"<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半句，</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>后半句。</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br w:type="page"/><w:t>丁&amp;&lt;&#x4E00;&#19968;</w:t><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2103"/></w:r></w:p>"#,
            r#"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:pPrChange w:id="9"><w:pPr><w:pStyle w:val="1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>改过格式</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>锚点段</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>大纲级别</w:t></w:r></w:p>"#,
        ]
        .concat();
    let d = read_body(&body);
    assert_eq!(
        lines(&d),
        [
            "全年完成十二项任务。",
            "前半句，后半句。",
            "3",
            "甲\t乙",
            "丙丁&<一一-℃",
            "可见",
            "改过格式",
            "文本框",
            "锚点段",
            "大纲级别",
        ]
    );
    assert_eq!(d.hints.heading_levels, [(9, 2)]);
    assert!(d.tracked_changes);
}

#[test]
fn table_of_contents_is_skipped() {
    let fld = |kind: &str| format!(r#"<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>"#);
    let instr =
        |t: &str| format!(r#"<w:r><w:instrText xml:space="preserve">{t}</w:instrText></w:r>"#);
    let run = |t: &str| format!(r#"<w:r><w:t>{t}</w:t></w:r>"#);
    let body = [
        p("", "目录"),
        [
            "<w:p>".to_string(),
            fld("begin"),
            instr(r#" TOC \o "1-3" \h \z \u "#),
            fld("separate"),
            run("一、基本情况"),
            run("\t"),
            fld("begin"),
            instr(" PAGEREF _Toc1 \\h "),
            fld("separate"),
            run("1"),
            fld("end"),
            "</w:p>".to_string(),
        ]
        .concat(),
        format!("<w:p>{}{}</w:p>", run("二、存在问题\t2"), fld("end")),
        p("1", "基本情况"),
        [
            "<w:p>".to_string(),
            run("第"),
            fld("begin"),
            instr(" PAGE "),
            fld("separate"),
            run("3"),
            fld("end"),
            run("页"),
            "</w:p>".to_string(),
        ]
        .concat(),
        r#"<w:p><w:fldSimple w:instr=" TOC \o "><w:r><w:t>旧目录</w:t></w:r></w:fldSimple></w:p>"#
            .to_string(),
        r#"<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2024年1月</w:t></w:r></w:fldSimple></w:p>"#
            .to_string(),
    ]
    .concat();
    let d = read_body(&body);
    assert_eq!(lines(&d), ["目录", "一、基本情况", "第3页", "2024年1月"]);
    // Unbalanced and runaway fields do not break anything.
    let runaway = format!("<w:p>{}{}</w:p>", fld("begin").repeat(200), run("正文"));
    assert_eq!(read_body(&runaway).text, "正文");
    let ends = format!("<w:p>{}{}</w:p>", fld("end").repeat(5), run("正文"));
    assert_eq!(read_body(&ends).text, "正文");
    assert!(is_toc(" TOC \\o") && is_toc("toc") && !is_toc("TOCX") && !is_toc(" PAGE"));
}

#[test]
fn utf16_and_bom_parts() {
    let xml = doc(&p("", "一、基本情况")).replace("UTF-8", "UTF-16");
    let mut le = vec![0xFF, 0xFE];
    le.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read_xml(&le, None, None).unwrap().text, "一、基本情况");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(doc(&p("", "正文")).as_bytes());
    assert_eq!(read_xml(&bom, None, None).unwrap().text, "正文");
    // Invalid UTF-8 inside text is replaced, not fatal.
    let mut bad = doc(&p("", "正文")).into_bytes();
    let at = bad.windows(3).position(|w| w == "正".as_bytes()).unwrap();
    bad[at] = 0xFF;
    assert!(read_xml(&bad, None, None)
        .unwrap()
        .text
        .contains('\u{FFFD}'));
}

#[test]
fn prefixes_rels_and_no_styles() {
    // Another prefix for the main namespace, a non-default part name
    // found through the relationships, no styles or numbering parts.
    let xml = format!(
        r#"<x:document xmlns:x="{W}"><x:body><x:p><x:r><x:t>正文</x:t></x:r></x:p></x:body></x:document>"#
    );
    let bytes = build(&[
        (
            "_rels/.rels",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#,
        ),
        ("word/document2.xml", &xml),
    ]);
    assert_eq!(read(&bytes, &Limits::default()).unwrap().text, "正文");
    // A DrawingML paragraph is not a Word paragraph.
    let xml = doc(
        r#"<w:p><w:r><w:t>一</w:t></w:r></w:p><a:p xmlns:a="urn:x"><a:r><a:t>不是</a:t></a:r></a:p>"#,
    );
    let bytes = build(&[("word/document.xml", &xml)]);
    assert_eq!(read(&bytes, &Limits::default()).unwrap().text, "一");
}

fn err(bytes: &[u8], limits: &Limits) -> String {
    read(bytes, limits).unwrap_err().message
}

#[test]
fn damaged_files() {
    let l = Limits::default();
    let good = build(&[("word/document.xml", &doc(&p("", "正文")))]);
    assert!(err(&good[..good.len() / 2], &l).contains("损坏"));
    assert!(err(b"PK\x03\x04", &l).contains("损坏"));
    assert!(err(b"", &l).contains("损坏"));
    let broken = build(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]);
    assert!(err(&broken, &l).contains("XML"), "{}", err(&broken, &l));
    let unclosed = build(&[("word/document.xml", "<w:document><w:body>")]);
    assert!(err(&unclosed, &l).contains("XML"));
    let none = build(&[("word/other.xml", "<x/>")]);
    assert!(err(&none, &l).contains("word/document.xml"));
    let xlsx = build(&[("xl/workbook.xml", "<x/>")]);
    assert!(err(&xlsx, &l).contains("Excel"));
    let deep = build(&[(
        "word/document.xml",
        &doc(&format!("{}{}", "<w:p>".repeat(300), "</w:p>".repeat(300))),
    )]);
    assert!(err(&deep, &l).contains("嵌套"));
    let fine = build(&[(
        "word/document.xml",
        &doc(&format!(
            "{}{}",
            "<w:sdt>".repeat(200),
            "</w:sdt>".repeat(200)
        )),
    )]);
    assert!(read(&fine, &l).is_ok());
}

#[test]
fn caps() {
    let xml = doc(&p("", &"很长的正文".repeat(2000)));
    let bytes = build(&[("word/document.xml", &xml)]);
    let small = Limits {
        max_decompressed: 10_000,
        ..Limits::default()
    };
    assert!(err(&bytes, &small).contains("压缩炸弹"));
    let few = Limits {
        max_entries: 1,
        ..Limits::default()
    };
    assert!(err(&bytes, &few).contains("上限"));
    let tiny = Limits {
        max_bytes: 100,
        ..Limits::default()
    };
    assert!(err(&bytes, &tiny).contains("太大"));
}

#[test]
fn zip_structures() {
    let bytes = build(&[("word/document.xml", &doc(""))]);
    assert_eq!(end_record(&bytes).map(|r| r.entries), Some(2));
    assert_eq!(end_record(b"PK\x05\x06"), None);
    let mut fake = vec![0u8; 30];
    fake.extend(b"PK\x05\x06\0\0\0\0\xFF\xFF\xFF\xFF");
    fake.extend([0u8; 10]);
    assert_eq!(end_record(&fake).map(|r| r.entries), Some(0xFFFF));
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}
