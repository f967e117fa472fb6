//! Paragraphs aligned on their hashes (patience diff) and paired when similar.

use super::*;

/// FNV-1a over the paragraph's characters, white space left out (a
/// re-wrapped or re-indented paragraph is the same paragraph).
fn paragraph_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{3000}' {
            continue;
        }
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Pairs of equal elements (a, b) in increasing order of both: patience
/// diff, with a small LCS for gaps that have no unique anchor.
pub(super) fn align(a: &[u64], b: &[u64]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Work done on gaps so far; past the budget, gaps stay unmatched.
    let mut budget = 16 * (a.len() + b.len()) + 100_000;
    let mut stack = vec![(0, a.len(), 0, b.len())];
    while let Some((mut a0, mut a1, mut b0, mut b1)) = stack.pop() {
        while a0 < a1 && b0 < b1 && a[a0] == b[b0] {
            out.push((a0, b0));
            a0 += 1;
            b0 += 1;
        }
        while a0 < a1 && b0 < b1 && a[a1 - 1] == b[b1 - 1] {
            a1 -= 1;
            b1 -= 1;
            out.push((a1, b1));
        }
        if a0 == a1 || b0 == b1 {
            continue;
        }
        let work = (a1 - a0) + (b1 - b0);
        if work > budget {
            continue;
        }
        budget -= work;
        // Elements unique on both sides of the gap: (count a, index a,
        // count b, index b).
        let mut seen: HashMap<u64, (u32, usize, u32, usize)> = HashMap::new();
        for (i, h) in a.iter().enumerate().take(a1).skip(a0) {
            let e = seen.entry(*h).or_insert((0, i, 0, 0));
            e.0 += 1;
        }
        for (j, h) in b.iter().enumerate().take(b1).skip(b0) {
            if let Some(e) = seen.get_mut(h) {
                e.2 += 1;
                e.3 = j;
            }
        }
        let mut anchors: Vec<(usize, usize)> = seen
            .values()
            .filter(|e| e.0 == 1 && e.2 == 1)
            .map(|e| (e.1, e.3))
            .collect();
        if anchors.is_empty() {
            // No unique element (a text repeated, a template's recurring
            // lines): the least frequent elements that occur as often on
            // both sides, the k-th occurrence paired with the k-th.
            anchors = repeated_anchors(&a[a0..a1], &b[b0..b1], &seen);
            for p in &mut anchors {
                p.0 += a0;
                p.1 += b0;
            }
        }
        if anchors.is_empty() {
            let (n, m) = (a1 - a0, b1 - b0);
            if n * m <= 40_000 {
                out.extend(
                    lcs(&a[a0..a1], &b[b0..b1])
                        .into_iter()
                        .map(|(i, j)| (a0 + i, b0 + j)),
                );
            }
            continue;
        }
        crate::sort::sort_by(&mut anchors, |&(i, j)| crate::sort::key3(i, j, 0));
        let lis = longest_increasing(&anchors);
        // The gaps between anchors, each aligned in turn.
        let (mut pa, mut pb) = (a0, b0);
        for &(i, j) in &lis {
            stack.push((pa, i, pb, j));
            out.push((i, j));
            pa = i + 1;
            pb = j + 1;
        }
        stack.push((pa, a1, pb, b1));
    }
    crate::sort::sort_by(&mut out, |&(i, j)| crate::sort::key3(i, j, 0));
    out
}

/// Anchors for a gap without unique elements: the elements of the
/// smallest count k that occur k times on both sides, their occurrences
/// paired in order (indices relative to the gap).
fn repeated_anchors(
    a: &[u64],
    b: &[u64],
    seen: &HashMap<u64, (u32, usize, u32, usize)>,
) -> Vec<(usize, usize)> {
    let Some(k) = seen.values().filter(|e| e.0 == e.2).map(|e| e.0).min() else {
        return Vec::new();
    };
    let wanted = |h: &u64| seen.get(h).is_some_and(|e| e.0 == k && e.2 == k);
    let mut in_b: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, h) in b.iter().enumerate().rev().filter(|(_, h)| wanted(h)) {
        in_b.entry(*h).or_default().push(j);
    }
    let mut out = Vec::new();
    for (i, h) in a.iter().enumerate().filter(|(_, h)| wanted(h)) {
        if let Some(j) = in_b.get_mut(h).and_then(Vec::pop) {
            out.push((i, j));
        }
    }
    out
}

/// The longest run of `pairs` (sorted by their first) whose seconds
/// increase: patience sorting, O(k log k).
pub(super) fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[l]: index in pairs of the smallest tail of a run of length l+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let l = tails.partition_point(|&t| pairs[t].1 < j);
        if l > 0 {
            prev[k] = Some(tails[l - 1]);
        }
        if l == tails.len() {
            tails.push(k);
        } else {
            tails[l] = k;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        run.push(pairs[k]);
        at = prev[k];
    }
    run.reverse();
    run
}

/// Longest common subsequence by dynamic programming (small inputs only).
fn lcs(a: &[u64], b: &[u64]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut t = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if a[i] == b[j] {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Sorted character bigrams of a paragraph, for [`similar`].
fn bigrams(s: &str) -> Vec<u64> {
    let mut v: Vec<u64> = Vec::with_capacity(s.len() / 2);
    let mut last: Option<char> = None;
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        if let Some(p) = last {
            v.push((u64::from(p) << 32) | u64::from(c));
        }
        last = Some(c);
    }
    // Two characters of 21 bits: well inside the sort's 96-bit keys.
    crate::sort::sort_by(&mut v, |&b| u128::from(b));
    v
}

/// Two paragraphs are versions of one another when at least half their
/// character bigrams are shared (Dice coefficient ≥ 0.5).
fn similar(a: &[u64], b: &[u64]) -> bool {
    let total = a.len() + b.len();
    if total == 0 {
        return true;
    }
    if a.len().min(b.len()) * 3 < a.len().max(b.len()) {
        return false;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    4 * common >= total
}

/// How far ahead in a gap a changed paragraph's new version is looked for.
const PAIR_WINDOW: usize = 4;

/// The paragraph diff, and the pairs (OLD paragraph, NEW paragraph) it
/// holds to be the same paragraph (unchanged or changed).
pub(super) fn diff_paragraphs(old: &Document, new: &Document) -> (TextDiff, Vec<(usize, usize)>) {
    let ha: Vec<u64> = old
        .paragraphs
        .iter()
        .map(|p| paragraph_hash(old.paragraph_text(p)))
        .collect();
    let hb: Vec<u64> = new
        .paragraphs
        .iter()
        .map(|p| paragraph_hash(new.paragraph_text(p)))
        .collect();
    let equal = align(&ha, &hb);
    let mut budget = CHAR_WORK_PER_BYTE * (old.text.len() + new.text.len()) + 1_000_000;
    let mut diff = TextDiff::default();
    let mut pairs = Vec::with_capacity(equal.len());
    let mut same_run = 0;
    let (mut i, mut j) = (0, 0);
    let line = |d: &Document, k: usize| d.paragraphs.get(k).map(|p| p.first_line + 1);
    let push = |diff: &mut TextDiff, same_run: &mut usize, mut c: ParagraphChange| {
        c.same_before = std::mem::take(same_run);
        match c.status {
            ParagraphStatus::Changed => diff.changed += 1,
            ParagraphStatus::Inserted => diff.inserted += 1,
            ParagraphStatus::Deleted => diff.deleted += 1,
        }
        diff.changes.push(c);
    };
    for &(ei, ej) in equal.iter().chain(std::iter::once(&(ha.len(), hb.len()))) {
        // The gap old[i..ei], new[j..ej]: pair versions of one paragraph.
        let gb: Vec<Vec<u64>> = (j..ej)
            .map(|k| bigrams(new.paragraph_text(&new.paragraphs[k])))
            .collect();
        let mut next_new = j;
        for k in i..ei {
            let a_text = old.paragraph_text(&old.paragraphs[k]);
            let ga = bigrams(a_text);
            let found =
                (next_new..ej.min(next_new + PAIR_WINDOW)).find(|&m| similar(&ga, &gb[m - j]));
            let Some(m) = found else {
                push(
                    &mut diff,
                    &mut same_run,
                    ParagraphChange {
                        status: ParagraphStatus::Deleted,
                        old_line: line(old, k),
                        new_line: None,
                        same_before: 0,
                        segments: vec![Segment {
                            op: Op::Deleted,
                            text: a_text.to_string(),
                        }],
                    },
                );
                continue;
            };
            for n in next_new..m {
                push(&mut diff, &mut same_run, inserted(new, n));
            }
            let b_text = new.paragraph_text(&new.paragraphs[m]);
            push(
                &mut diff,
                &mut same_run,
                ParagraphChange {
                    status: ParagraphStatus::Changed,
                    old_line: line(old, k),
                    new_line: line(new, m),
                    same_before: 0,
                    segments: diff_chars_within(a_text, b_text, &mut budget),
                },
            );
            pairs.push((k, m));
            next_new = m + 1;
        }
        for n in next_new..ej {
            push(&mut diff, &mut same_run, inserted(new, n));
        }
        if ei < ha.len() {
            pairs.push((ei, ej));
            same_run += 1;
            diff.same += 1;
        }
        i = ei + 1;
        j = ej + 1;
    }
    diff.same_after = same_run;
    crate::sort::sort_by(&mut pairs, |&(i, j)| crate::sort::key3(i, j, 0));
    (diff, pairs)
}

fn inserted(new: &Document, k: usize) -> ParagraphChange {
    let p = &new.paragraphs[k];
    ParagraphChange {
        status: ParagraphStatus::Inserted,
        old_line: None,
        new_line: Some(p.first_line + 1),
        same_before: 0,
        segments: vec![Segment {
            op: Op::Inserted,
            text: new.paragraph_text(p).to_string(),
        }],
    }
}
