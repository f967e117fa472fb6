//! The findings as the worker sends them to the page: bytes, with every
//! string once in a table. A 1.5 MB paste has some 28,000 findings, most
//! of them the same few messages; as JSON they were 15 MB, and parsing
//! them held the page's one thread for a fifth of a second.
//!
//! Numbers are LEB128 varints. A string is its index in the table, plus
//! one; 0 is `None` (or the empty string where there is no option).

use crate::{Category, Finding, Place, Related, Severity};
use std::collections::HashMap;
use std::sync::Arc;

pub fn encode(findings: &[Finding]) -> Vec<u8> {
    let mut w = Writer::default();
    let mut body = Vec::new();
    put(&mut body, findings.len());
    for f in findings {
        w.string(&mut body, &f.rule);
        let cat = Category::ALL
            .iter()
            .position(|c| *c == f.category)
            .unwrap_or(0);
        let sev = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        body.push((cat * 3 + sev) as u8);
        for n in [f.start, f.end, f.line, f.column, f.byte_start, f.byte_end] {
            put(&mut body, n);
        }
        w.string(&mut body, &f.text);
        w.string(&mut body, &f.message);
        w.string(&mut body, &f.message_en);
        w.option(&mut body, f.suggestion.as_deref());
        w.option(&mut body, f.context.as_deref());
        put(&mut body, f.related.len());
        for r in &f.related {
            for n in [r.start, r.end, r.line, r.column] {
                put(&mut body, n);
            }
            w.string(&mut body, &r.text);
            w.string(&mut body, &r.label);
        }
        put(&mut body, f.aggregate.map_or(0, |n| n + 1));
        match &f.place {
            None => put(&mut body, 0),
            Some(p) => {
                put(&mut body, p.path.len() + 1);
                for h in p.path.iter() {
                    w.string(&mut body, h);
                }
                put(&mut body, p.paragraph);
            }
        }
    }
    let mut out = Vec::with_capacity(body.len() + w.bytes.len() + 8);
    put(&mut out, w.count);
    out.extend_from_slice(&w.bytes);
    out.extend_from_slice(&body);
    out
}

/// The findings back; `None` if the bytes are not what `encode` makes.
pub fn decode(bytes: &[u8]) -> Option<Vec<Finding>> {
    let mut r = Reader { bytes, at: 0 };
    let n = r.num()?;
    let mut table: Vec<Arc<str>> = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let len = r.num()?;
        let s = std::str::from_utf8(bytes.get(r.at..r.at.checked_add(len)?)?).ok()?;
        r.at += len;
        table.push(Arc::from(s));
    }
    let string = |r: &mut Reader| -> Option<Option<&Arc<str>>> {
        match r.num()? {
            0 => Some(None),
            i => table.get(i - 1).map(Some),
        }
    };
    let owned = |s: Option<&Arc<str>>| s.map_or_else(String::new, |s| s.to_string());
    // Findings under one heading share its path.
    let mut paths: HashMap<Vec<usize>, Arc<[String]>> = HashMap::new();
    let count = r.num()?;
    let mut out = Vec::with_capacity(count.min(bytes.len()));
    for _ in 0..count {
        let rule = owned(string(&mut r)?);
        let kind = usize::from(*bytes.get(r.at)?);
        r.at += 1;
        let category = *Category::ALL.get(kind / 3)?;
        let severity = [Severity::Error, Severity::Warning, Severity::Info][kind % 3];
        let mut n = [0usize; 6];
        for x in &mut n {
            *x = r.num()?;
        }
        let text = owned(string(&mut r)?);
        let message = owned(string(&mut r)?);
        let message_en = owned(string(&mut r)?);
        let suggestion = string(&mut r)?.map(|s| s.to_string());
        let context = string(&mut r)?.map(|s| s.to_string());
        let related_count = r.num()?;
        let mut related = Vec::with_capacity(related_count.min(bytes.len()));
        for _ in 0..related_count {
            let mut m = [0usize; 4];
            for x in &mut m {
                *x = r.num()?;
            }
            related.push(Related {
                start: m[0],
                end: m[1],
                line: m[2],
                column: m[3],
                text: owned(string(&mut r)?),
                label: owned(string(&mut r)?),
            });
        }
        let aggregate = r.num()?.checked_sub(1);
        let place = match r.num()? {
            0 => None,
            len => {
                let mut key = Vec::with_capacity(len - 1);
                for _ in 1..len {
                    key.push(r.num()?);
                }
                let paragraph = r.num()?;
                let path = match paths.get(&key) {
                    Some(p) => p.clone(),
                    None => {
                        let mut heads = Vec::with_capacity(key.len());
                        for &i in &key {
                            heads.push(table.get(i.checked_sub(1)?)?.to_string());
                        }
                        let p: Arc<[String]> = heads.into();
                        paths.insert(key, p.clone());
                        p
                    }
                };
                Some(Place { path, paragraph })
            }
        };
        out.push(Finding {
            rule,
            category,
            severity,
            start: n[0],
            end: n[1],
            line: n[2],
            column: n[3],
            text,
            message,
            message_en,
            suggestion,
            byte_start: n[4],
            byte_end: n[5],
            context,
            related,
            aggregate,
            place,
        });
    }
    (r.at == bytes.len()).then_some(out)
}

#[derive(Default)]
struct Writer<'a> {
    index: HashMap<&'a str, usize>,
    bytes: Vec<u8>,
    count: usize,
}

impl<'a> Writer<'a> {
    fn string(&mut self, out: &mut Vec<u8>, s: &'a str) {
        let i = match self.index.get(s) {
            Some(&i) => i,
            None => {
                put(&mut self.bytes, s.len());
                self.bytes.extend_from_slice(s.as_bytes());
                self.count += 1;
                self.index.insert(s, self.count);
                self.count
            }
        };
        put(out, i);
    }

    fn option(&mut self, out: &mut Vec<u8>, s: Option<&'a str>) {
        match s {
            Some(s) => self.string(out, s),
            None => put(out, 0),
        }
    }
}

fn put(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn num(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_come_back_as_they_went() {
        let text = "XX县2025年度工作总结\n一、主要工作\n全年共举办培训班12期，培训干部1,200人次，其中科级干部1500人次。\n（一）基层组织\n共有基层组织XX个,党员XX名;\n二、存在问题\n\n三、下一步打算\n";
        let findings = crate::analyze_auto(text).findings;
        assert!(findings.len() >= 6, "{findings:?}");
        assert!(findings.iter().any(|f| !f.related.is_empty()));
        assert!(findings.iter().any(|f| f.suggestion.is_some()));
        assert!(findings
            .iter()
            .any(|f| f.place.as_ref().is_some_and(|p| !p.path.is_empty())));
        let bytes = encode(&findings);
        assert_eq!(decode(&bytes), Some(findings));
    }

    #[test]
    fn every_kind_and_a_large_number_come_back() {
        let f = |category, severity, n: usize| Finding {
            rule: "r".into(),
            category,
            severity,
            start: n,
            end: n + 1,
            line: 1,
            column: n,
            text: String::new(),
            message: "消息".into(),
            message_en: "message".into(),
            suggestion: Some(String::new()),
            byte_start: n * 3,
            byte_end: usize::MAX,
            context: None,
            related: Vec::new(),
            aggregate: Some(0),
            place: Some(Place {
                path: Vec::new().into(),
                paragraph: 0,
            }),
        };
        let all: Vec<Finding> = Category::ALL
            .iter()
            .zip(
                [Severity::Error, Severity::Warning, Severity::Info]
                    .iter()
                    .cycle(),
            )
            .enumerate()
            .map(|(i, (c, s))| f(*c, *s, i * 100_000))
            .collect();
        assert_eq!(decode(&encode(&all)), Some(all));
    }

    #[test]
    fn damaged_bytes_are_refused_not_misread() {
        let findings = crate::analyze_auto("共有XX人,其中XX人。").findings;
        let bytes = encode(&findings);
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None);
        assert_eq!(decode(&[]), None);
    }
}
