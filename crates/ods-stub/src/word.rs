//! A real-looking UN Word document (.docx).
//!
//! Laid out as the Organization's own files are: the masthead is a table in
//! the first page's header (Word's "different first page"), two rows of four
//! cells, as in `A/80/590`:
//!
//! | (emblem) | United Nations   |   | SYMBOL                                               |
//! | -------- | ---------------- | - | ---------------------------------------------------- |
//! |          | General Assembly |   | Distr.: General / 15 March 2024 / Original: English |
//!
//! The organ's name is given for `A/`, `S/` and `E/` symbols (blank
//! otherwise); the masthead's words, the date and the language of the
//! original ("Original: English") are in the document's language (a
//! translation names its own language above "Original:", as UN
//! translations do). The first page's footer carries the job number
//! ("24-04512 (E)"). The body is the title and then the paragraphs,
//! numbered "1.", "2.", … as typed text with a tab, in the "SingleTxt" style.
//! Arabic paragraphs are marked right-to-left.
//!
//! The package holds `[Content_Types].xml`, `_rels/.rels`,
//! `word/document.xml`, `word/_rels/document.xml.rels`, a minimal
//! `word/styles.xml`, `word/header1.xml` and `word/footer1.xml`.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// A language's masthead words.
struct Masthead {
    /// BCP 47 tag for `w:lang`.
    tag: &'static str,
    organization: &'static str,
    distribution: &'static str,
    date: &'static str,
    /// The language of this copy, printed above "Original:" in translations.
    copy: Option<&'static str>,
    original: &'static str,
    /// General Assembly, Security Council, Economic and Social Council.
    organs: [&'static str; 3],
    /// The job number's language letter.
    letter: char,
    rtl: bool,
}

fn masthead(language: &str) -> Masthead {
    match language {
        "zh" => Masthead {
            tag: "zh-CN",
            organization: "联合国",
            distribution: "分发：普遍",
            date: "2024年3月15日",
            copy: Some("中文"),
            original: "原文：英文",
            organs: ["大会", "安全理事会", "经济及社会理事会"],
            letter: 'C',
            rtl: false,
        },
        "fr" => Masthead {
            tag: "fr-FR",
            organization: "Nations Unies",
            distribution: "Distr. générale",
            date: "15 mars 2024",
            copy: Some("Français"),
            original: "Original : anglais",
            organs: [
                "Assemblée générale",
                "Conseil de sécurité",
                "Conseil économique et social",
            ],
            letter: 'F',
            rtl: false,
        },
        "es" => Masthead {
            tag: "es-ES",
            organization: "Naciones Unidas",
            distribution: "Distr. general",
            date: "15 de marzo de 2024",
            copy: Some("Español"),
            original: "Original: inglés",
            organs: [
                "Asamblea General",
                "Consejo de Seguridad",
                "Consejo Económico y Social",
            ],
            letter: 'S',
            rtl: false,
        },
        "ru" => Masthead {
            tag: "ru-RU",
            organization: "Организация Объединенных Наций",
            // Russian and Arabic mastheads keep the Latin "Distr.".
            distribution: "Distr.: General",
            date: "15 марта 2024 года",
            copy: Some("Русский"),
            original: "Подлинный текст: английский",
            organs: [
                "Генеральная Ассамблея",
                "Совет Безопасности",
                "Экономический и Социальный Совет",
            ],
            letter: 'R',
            rtl: false,
        },
        "ar" => Masthead {
            tag: "ar-SA",
            organization: "الأمم المتحدة",
            distribution: "Distr.: General",
            date: "15 آذار/مارس 2024",
            copy: Some("عربي"),
            original: "الأصل: بالإنكليزية",
            organs: ["الجمعية العامة", "مجلس الأمن", "المجلس الاقتصادي والاجتماعي"],
            letter: 'A',
            rtl: true,
        },
        _ => Masthead {
            tag: "en-GB",
            organization: "United Nations",
            distribution: "Distr.: General",
            date: "15 March 2024",
            copy: None,
            original: "Original: English",
            organs: [
                "General Assembly",
                "Security Council",
                "Economic and Social Council",
            ],
            letter: 'E',
            rtl: false,
        },
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 does not allow (control characters) are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// One paragraph: an optional style, then runs (`\t` becomes `<w:tab/>`).
fn paragraph(style: Option<&str>, text: &str, m: &Masthead) -> String {
    let mut p = String::from("<w:p><w:pPr>");
    if let Some(style) = style {
        p.push_str(&format!("<w:pStyle w:val=\"{style}\"/>"));
    }
    if m.rtl {
        p.push_str("<w:bidi/>");
    }
    p.push_str("</w:pPr>");
    let rpr = format!(
        "<w:rPr>{}<w:lang w:val=\"{}\"/></w:rPr>",
        if m.rtl { "<w:rtl/>" } else { "" },
        m.tag
    );
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            p.push_str("<w:r><w:tab/></w:r>");
        }
        if !piece.is_empty() {
            p.push_str(&format!(
                "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                escape(piece)
            ));
        }
    }
    p.push_str("</w:p>");
    p
}

fn cell(width: u32, lines: &[&str], style: &str, m: &Masthead) -> String {
    let mut c = format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>");
    for line in lines {
        c.push_str(&paragraph(Some(style), line, m));
    }
    if lines.is_empty() {
        c.push_str("<w:p/>");
    }
    c.push_str("</w:tc>");
    c
}

/// A job number for the foot of the first page: stable per symbol and language.
fn job_number(symbol: &str, m: &Masthead) -> String {
    let hash = symbol
        .bytes()
        .chain(m.tag.bytes())
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("24-{:05} ({})", hash % 100_000, m.letter)
}

/// A real-looking UN Word document (.docx): a masthead ("United Nations"/"联合国"… as fits the
/// language, the symbol, "Distr.: General", a date, "Original: English" in the document's language),
/// the title, then the paragraphs numbered "1.", "2.", … as plain text. Valid OOXML package:
/// [Content_Types].xml, _rels/.rels, word/document.xml (and word/_rels/document.xml.rels, word/styles.xml
/// minimal). Languages: at least zh, en, fr, es, ru, ar with masthead words in that language.
///
/// Any other language gets the English masthead.
pub fn word_document(symbol: &str, language: &str, title: &str, paragraphs: &[&str]) -> Vec<u8> {
    let m = masthead(&language.to_ascii_lowercase());
    let organ = match symbol.trim().split('/').next() {
        Some("A") => m.organs[0],
        Some("S") => m.organs[1],
        Some("E") => m.organs[2],
        _ => "",
    };
    let mut right: Vec<&str> = vec![m.distribution, m.date, ""];
    if let Some(copy) = m.copy {
        right.push(copy);
    }
    right.push(m.original);

    let header = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:hdr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:tbl><w:tblPr><w:tblW w:w=\"9638\" w:type=\"dxa\"/></w:tblPr>\
         <w:tblGrid><w:gridCol w:w=\"1247\"/><w:gridCol w:w=\"4252\"/><w:gridCol w:w=\"1134\"/><w:gridCol w:w=\"3005\"/></w:tblGrid>\
         <w:tr>{}{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr></w:tbl><w:p/></w:hdr>",
        cell(1247, &[], "Header", &m),
        cell(4252, &[m.organization], "UnitedNations", &m),
        cell(1134, &[], "Header", &m),
        cell(3005, &[symbol], "Symbol", &m),
        cell(1247, &[], "Header", &m),
        cell(4252, &[organ], "Organ", &m),
        cell(1134, &[], "Header", &m),
        cell(3005, &right, "Distribution", &m),
    );
    let footer = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\">{}</w:ftr>",
        paragraph(Some("Footer"), &job_number(symbol, &m), &m)
    );

    let mut body = paragraph(Some("Title"), title, &m);
    for (i, text) in paragraphs.iter().enumerate() {
        body.push_str(&paragraph(
            Some("SingleTxt"),
            &format!("{}.\t{text}", i + 1),
            &m,
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{body}\
         <w:sectPr><w:headerReference w:type=\"first\" r:id=\"rId2\"/><w:footerReference w:type=\"first\" r:id=\"rId3\"/>\
         <w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1701\" w:right=\"1134\" w:bottom=\"2268\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
         <w:titlePg/></w:sectPr></w:body></w:document>"
    );

    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
        <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
        <Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
        <Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
        </Types>";
    let package_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
        </Relationships>";
    let document_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
        <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
        <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
        </Relationships>";
    let mut styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"SimSun\" w:cs=\"Times New Roman\"/>\
         <w:sz w:val=\"20\"/><w:lang w:val=\"{}\"/></w:rPr></w:rPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>",
        m.tag
    );
    for (id, name, extra) in [
        ("Title", "Title", "<w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr>"),
        ("SingleTxt", "Single Txt", "<w:pPr><w:spacing w:after=\"120\"/><w:ind w:left=\"1267\" w:right=\"1267\"/><w:jc w:val=\"both\"/></w:pPr>"),
        ("UnitedNations", "United Nations", "<w:rPr><w:sz w:val=\"28\"/></w:rPr>"),
        ("Organ", "Organ", "<w:rPr><w:b/><w:sz w:val=\"34\"/></w:rPr>"),
        ("Symbol", "Symbol", "<w:pPr><w:jc w:val=\"right\"/></w:pPr><w:rPr><w:sz w:val=\"40\"/></w:rPr>"),
        ("Distribution", "Distribution", ""),
        ("Header", "header", ""),
        ("Footer", "footer", "<w:rPr><w:sz w:val=\"16\"/></w:rPr>"),
    ] {
        styles.push_str(&format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/>{extra}</w:style>"
        ));
    }
    styles.push_str("</w:styles>");

    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &str); 7] = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", package_rels),
        ("word/document.xml", &document),
        ("word/_rels/document.xml.rels", document_rels),
        ("word/styles.xml", &styles),
        ("word/header1.xml", &header),
        ("word/footer1.xml", &footer),
    ];
    for (name, text) in parts {
        // Writing to memory cannot fail.
        zip.start_file(name, options).expect("zip entry in memory");
        zip.write_all(text.as_bytes()).expect("zip write in memory");
    }
    zip.finish().expect("zip finish in memory").into_inner()
}
