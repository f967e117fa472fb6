//! styles.xml: heading levels and the numbering a style attaches.

use super::xml::{attr, int_attr, walk_w_elements, Ev};
use super::{find, sorted};
use crate::decode::LoadError;

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    /// w:outlineLvl (0-based; 9 = body text).
    outline: Option<u8>,
    num_id: Option<i64>,
    ilvl: Option<u8>,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    /// Sorted by style id.
    by_id: Vec<(String, Style)>,
    pub(super) default_paragraph: Option<String>,
}

pub(super) fn parse_styles(xml: &[u8], part: &str) -> Result<Styles, LoadError> {
    let mut styles = Styles::default();
    let mut all: Vec<(String, Style)> = Vec::new();
    let mut current: Option<(String, Style)> = None;
    let mut in_ppr = false;
    let mut in_numpr = false;
    walk_w_elements(xml, part, &mut |ev, local| match ev {
        Ev::Start(e) | Ev::Empty(e) => {
            let empty = matches!(ev, Ev::Empty(_));
            match local {
                b"style" => {
                    let id = attr(e, b"styleId").unwrap_or_default();
                    let paragraph = attr(e, b"type").is_none_or(|t| t == "paragraph");
                    if paragraph && attr(e, b"default").is_some_and(|d| d == "1" || d == "true") {
                        styles.default_paragraph = Some(id.clone());
                    }
                    if !empty {
                        current = Some((id, Style::default()));
                    }
                }
                b"pPr" if current.is_some() => in_ppr = !empty,
                b"numPr" if in_ppr => in_numpr = !empty,
                _ => {
                    let Some((_, s)) = current.as_mut() else {
                        return;
                    };
                    match local {
                        b"name" => s.name = attr(e, b"val").unwrap_or_default(),
                        b"basedOn" => s.based_on = attr(e, b"val"),
                        b"outlineLvl" if in_ppr => {
                            s.outline = int_attr(e).and_then(|v| u8::try_from(v).ok())
                        }
                        b"numId" if in_numpr => s.num_id = int_attr(e),
                        b"ilvl" if in_numpr => {
                            s.ilvl = int_attr(e).and_then(|v| u8::try_from(v).ok())
                        }
                        _ => {}
                    }
                }
            }
        }
        Ev::End => match local {
            b"style" => {
                if let Some((id, s)) = current.take() {
                    all.push((id, s));
                }
                in_ppr = false;
                in_numpr = false;
            }
            b"pPr" => in_ppr = false,
            b"numPr" => in_numpr = false,
            _ => {}
        },
        Ev::Text(_) => {}
    })?;
    styles.by_id = sorted(all);
    Ok(styles)
}

/// "heading 2", "Heading2", "标题 2", "标题2" → 2.
fn heading_from_label(label: &str) -> Option<u8> {
    let l = label.trim().to_ascii_lowercase();
    let rest = l
        .strip_prefix("heading")
        .or_else(|| l.strip_prefix("标题"))?
        .trim_start();
    let n: u8 = rest.parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

/// Outline level results: Some(Some(level 1..)) heading, Some(None) body.
type Level = Option<Option<u8>>;

pub(super) fn outline_to_level(v: u8) -> Option<u8> {
    (v <= 8).then_some(v + 1)
}

impl Styles {
    /// The style and its ancestors, nearest first (cycle-safe).
    fn chain<'s>(&'s self, id: &str) -> impl Iterator<Item = (&'s str, &'s Style)> + 's {
        let mut next = find(&self.by_id, id);
        let mut hops = 0;
        std::iter::from_fn(move || {
            let (id, s) = next?;
            hops += 1;
            next = if hops < 16 {
                s.based_on.as_deref().and_then(|b| find(&self.by_id, b))
            } else {
                None
            };
            Some((id.as_str(), s))
        })
    }

    /// The heading level a style gives (1 = top), if any.
    pub(super) fn heading_level(&self, id: &str) -> Level {
        for (sid, s) in self.chain(id) {
            if let Some(v) = s.outline {
                return Some(outline_to_level(v));
            }
            if let Some(n) = heading_from_label(&s.name).or_else(|| heading_from_label(sid)) {
                return Some(Some(n));
            }
        }
        None
    }

    /// (numId, ilvl) a style attaches to its paragraphs.
    pub(super) fn numbering(&self, id: &str) -> (Option<i64>, Option<u8>) {
        let mut num = None;
        let mut ilvl = None;
        for (_, s) in self.chain(id) {
            if num.is_none() {
                num = s.num_id;
            }
            if ilvl.is_none() {
                ilvl = s.ilvl;
            }
        }
        (num, ilvl)
    }
}
