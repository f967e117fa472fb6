//! What several integration tests share.

/// The real documents that tests run whole analyses over: the corpus's
/// reports and template collection, a PDF paste (paragraphs of several
/// lines) and a converted document.
pub const DOCUMENTS: &[&str] = &[
    "tests/fixtures/corpus/000-1_bureau_self_check.txt",
    "tests/fixtures/corpus/000-2_county_evaluation.txt",
    "tests/fixtures/corpus/000-3_town_analysis.txt",
    "tests/fixtures/corpus/000-4_county_commission.txt",
    "tests/fixtures/corpus/001_office_report.txt",
    "tests/fixtures/corpus/002_district_2020_evaluation.txt",
    "tests/fixtures/corpus/000_template_collection.txt",
    "tests/fixtures/structure/self_check_pdf.txt",
    "tests/fixtures/hygiene/converted_paragraphs.txt",
];
