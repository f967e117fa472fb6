//! The character diff of a changed pair of paragraphs: Myers over tokens, bounded.

use super::*;

/// Tokens of a paragraph: a run of digits (with . and ,) or of Latin
/// letters is one token, any other character is one.
pub(super) fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let class = |c: char| {
            if c.is_ascii_digit() || ('０'..='９').contains(&c) {
                1
            } else if c.is_ascii_alphabetic() {
                2
            } else {
                0
            }
        };
        let k = class(c);
        let mut end = i + c.len_utf8();
        if k != 0 {
            while let Some(&(j, d)) = it.peek() {
                let joins = class(d) == k
                    || (k == 1
                        && matches!(d, '.' | ',')
                        && it.clone().nth(1).is_some_and(|(_, e)| class(e) == 1));
                if !joins {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
        }
        out.push(&s[i..end]);
    }
    out
}

/// The segments of a changed paragraph: the tokens that stayed, went and
/// came, by Myers' diff bounded by [`MAX_EDITS`].
pub fn diff_chars(a: &str, b: &str) -> Vec<Segment> {
    let mut unbounded = usize::MAX;
    diff_chars_within(a, b, &mut unbounded)
}

/// Work allowed for the character diffs of a text diff, in Myers steps
/// (tokens × edits) per byte of the two texts: a text whose every
/// paragraph was reworded stays linear, its last pairs marked whole.
pub(super) const CHAR_WORK_PER_BYTE: usize = 64;

/// [`diff_chars`] within `budget` Myers steps (what it spends is taken
/// off): a pair of n tokens may make at most budget / n edits.
pub(super) fn diff_chars_within(a: &str, b: &str, budget: &mut usize) -> Vec<Segment> {
    let ta = tokens(a);
    let tb = tokens(b);
    let pre = ta.iter().zip(&tb).take_while(|(x, y)| x == y).count();
    let suf = ta[pre..]
        .iter()
        .rev()
        .zip(tb[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&ta[pre..ta.len() - suf], &tb[pre..tb.len() - suf]);
    let mut ops: Vec<(Op, &str)> = Vec::new();
    ops.extend(ta[..pre].iter().map(|t| (Op::Same, *t)));
    let n = ma.len() + mb.len() + 1;
    let max_d = MAX_EDITS.min(*budget / n);
    let script = myers(ma, mb, max_d);
    // The edits made (the bound when it was reached).
    let used = script.as_ref().map_or(max_d, |s| {
        s.iter().filter(|(op, _)| *op != Op::Same).count()
    });
    *budget = budget.saturating_sub(n.saturating_mul(used + 1));
    match script {
        Some(script) => ops.extend(script.into_iter().map(|(op, k)| match op {
            Op::Inserted => (op, mb[k]),
            _ => (op, ma[k]),
        })),
        None => {
            ops.extend(ma.iter().map(|t| (Op::Deleted, *t)));
            ops.extend(mb.iter().map(|t| (Op::Inserted, *t)));
        }
    }
    ops.extend(ta[ta.len() - suf..].iter().map(|t| (Op::Same, *t)));
    // Within a run of changes, what went is shown before what came.
    let mut segments: Vec<Segment> = Vec::new();
    let mut k = 0;
    while k < ops.len() {
        if ops[k].0 == Op::Same {
            push_segment(&mut segments, Op::Same, ops[k].1);
            k += 1;
            continue;
        }
        let end = ops[k..]
            .iter()
            .position(|o| o.0 == Op::Same)
            .map_or(ops.len(), |p| k + p);
        for want in [Op::Deleted, Op::Inserted] {
            for o in ops[k..end].iter().filter(|o| o.0 == want) {
                push_segment(&mut segments, want, o.1);
            }
        }
        k = end;
    }
    segments
}

fn push_segment(out: &mut Vec<Segment>, op: Op, text: &str) {
    match out.last_mut() {
        Some(s) if s.op == op => s.text.push_str(text),
        _ => out.push(Segment {
            op,
            text: text.to_string(),
        }),
    }
}

/// Myers' shortest edit script from `a` to `b`: (Same or Deleted, index
/// in a) and (Inserted, index in b), in order; None past `max_d` edits.
pub(super) fn myers(a: &[&str], b: &[&str], max_d: usize) -> Option<Vec<(Op, usize)>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (a.len() + b.len()).min(max_d) as isize;
    let off = max + 1;
    let mut v = vec![0isize; 2 * max as usize + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let idx = |k: isize| (k + off) as usize;
    let mut reached = None;
    'outer: for d in 0..=max {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let mut x = if k == -d || (k != d && v[idx(k - 1)] < v[idx(k + 1)]) {
                v[idx(k + 1)]
            } else {
                v[idx(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx(k)] = x;
            if x >= n && y >= m {
                reached = Some(d);
                break 'outer;
            }
            k += 2;
        }
    }
    let d_end = reached?;
    // Back from (n, m) through the saved frontiers.
    let mut script = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..=d_end).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && v[idx(k - 1)] < v[idx(k + 1)]) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = v[idx(prev_k)];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            script.push((Op::Same, x as usize));
        }
        if x == prev_x {
            y -= 1;
            script.push((Op::Inserted, y as usize));
        } else {
            x -= 1;
            script.push((Op::Deleted, x as usize));
        }
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        script.push((Op::Same, x as usize));
    }
    script.reverse();
    Some(script)
}
