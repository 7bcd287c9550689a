//! The content-stream interpreter: runs a page's operators (graphics and text state, text
//! positioning and showing, Form XObjects, marked content with `/ActualText`) and produces
//! positioned glyphs in device space.

use super::fonts::{encodings, Font};
use super::objects::{self, num};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// Most glyphs kept for one page (bounded memory on hostile input).
const MAX_GLYPHS: usize = 2_000_000;
/// Deepest nesting of Form XObjects.
const MAX_FORM_DEPTH: usize = 12;
/// Deepest q/Q nesting kept.
const MAX_STACK: usize = 256;

/// A glyph placed on the page, in device space (PDF user space of the page: y up).
#[derive(Clone, Debug)]
pub struct Glyph {
    /// Its text (U+FFFD when unmappable).
    pub text: Rc<str>,
    /// Origin on the baseline.
    pub x: f32,
    /// Origin on the baseline.
    pub y: f32,
    /// Where the glyph's own width ends along the baseline (without character spacing).
    pub ex: f32,
    /// Where the glyph's own width ends along the baseline.
    pub ey: f32,
    /// Unit vector along the baseline (writing direction).
    pub dx: f32,
    /// Unit vector along the baseline.
    pub dy: f32,
    /// Font size in device units.
    pub size: f32,
    /// Character spacing applied after the glyph, in device units (letter-spaced text).
    pub spacing: f32,
    /// The glyph is white space (a word break, not output).
    pub space: bool,
}

/// Everything the interpreter learned from one page.
#[derive(Debug, Default)]
pub struct PageContent {
    /// The glyphs in content order.
    pub glyphs: Vec<Glyph>,
    /// Glyphs whose text could not be known (each became U+FFFD).
    pub unmapped: usize,
    /// Images drawn on the page.
    pub images: usize,
    /// Problems met (damaged streams and the like).
    pub problems: Vec<String>,
}

/// Fonts loaded so far, shared by all pages of a document.
#[derive(Default)]
pub struct FontCache {
    fonts: HashMap<usize, Rc<Font>>,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

fn translate(tx: f32, ty: f32, m: &Matrix) -> Matrix {
    mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], m)
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    tfs: f32,
    rise: f32,
    font: Option<Rc<Font>>,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: IDENTITY,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            tfs: 0.0,
            rise: 0.0,
            font: None,
        }
    }
}

struct Interp<'a> {
    doc: &'a Document,
    cache: &'a mut FontCache,
    out: PageContent,
    gs: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    /// Marked content: for each open BMC/BDC, the glyph index where an `/ActualText`
    /// started, with its text.
    marked: Vec<Option<(usize, String)>>,
    forms: Vec<ObjectId>,
    full: bool,
}

/// Run the page's content and collect its glyphs.
pub fn run_page(doc: &Document, page: ObjectId, cache: &mut FontCache) -> PageContent {
    let mut it = Interp {
        doc,
        cache,
        out: PageContent::default(),
        gs: GState::default(),
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
        marked: Vec::new(),
        forms: Vec::new(),
        full: false,
    };
    let Ok(page_dict) = doc.get_dictionary(page) else {
        it.out.problems.push("page object is missing".into());
        return it.out;
    };
    let resources = inherited(doc, page_dict, b"Resources").and_then(objects::as_dict);
    let mut bytes = Vec::new();
    let contents = match page_dict
        .get(b"Contents")
        .ok()
        .map(|o| (o, objects::resolve(doc, o)))
    {
        Some((_, Object::Array(a))) => a.iter().collect::<Vec<_>>(),
        Some((o, _)) => vec![o],
        None => Vec::new(),
    };
    for c in contents {
        match objects::resolve(doc, c) {
            Object::Stream(s) => {
                match objects::stream_bytes(doc, s, objects::MAX_STREAM_BYTES - bytes.len()) {
                    Ok(b) => {
                        bytes.extend_from_slice(&b);
                        bytes.push(b'\n');
                    }
                    Err(e) => it.out.problems.push(e),
                }
            }
            Object::Null => it.out.problems.push("a content stream is missing".into()),
            _ => it
                .out
                .problems
                .push("page /Contents is not a stream".into()),
        }
    }
    it.run(&bytes, resources);
    it.out
}

/// A page attribute, inherited through the page tree (`/Resources`, `/Rotate`, …).
pub fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Some(v) = objects::get(doc, node, key) {
            return Some(v);
        }
        node = objects::get_dict(doc, node, b"Parent")?;
    }
    None
}

impl<'a> Interp<'a> {
    fn run(&mut self, bytes: &[u8], resources: Option<&'a Dictionary>) {
        let Ok(content) = Content::decode(bytes) else {
            self.out
                .problems
                .push("content stream cannot be parsed".into());
            return;
        };
        for op in &content.operations {
            if self.full {
                return;
            }
            self.op(&op.operator, &op.operands, resources);
        }
    }

    fn op(&mut self, operator: &str, a: &[Object], res: Option<&'a Dictionary>) {
        let n = |i: usize| a.get(i).and_then(num).unwrap_or(0.0);
        match operator {
            "q" if self.stack.len() < MAX_STACK => self.stack.push(self.gs.clone()),
            "Q" => {
                if let Some(g) = self.stack.pop() {
                    self.gs = g;
                }
            }
            "cm" if a.len() == 6 => {
                let m = [n(0), n(1), n(2), n(3), n(4), n(5)];
                self.gs.ctm = mul(&m, &self.gs.ctm);
            }
            "BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            "Tc" => self.gs.tc = n(0),
            "Tw" => self.gs.tw = n(0),
            "Tz" => self.gs.th = n(0) / 100.0,
            "TL" => self.gs.tl = n(0),
            "Ts" => self.gs.rise = n(0),
            "Tf" => {
                self.gs.tfs = n(1);
                self.gs.font = a
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| self.font(res, name));
            }
            "Td" => self.td(n(0), n(1)),
            "TD" => {
                self.gs.tl = -n(1);
                self.td(n(0), n(1));
            }
            "Tm" if a.len() == 6 => {
                self.tm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                self.tlm = self.tm;
            }
            "T*" => self.td(0.0, -self.gs.tl),
            "Tj" => {
                if let Some(Object::String(s, _)) = a.first() {
                    self.show(s);
                }
            }
            "'" => {
                self.td(0.0, -self.gs.tl);
                if let Some(Object::String(s, _)) = a.first() {
                    self.show(s);
                }
            }
            "\"" => {
                self.gs.tw = n(0);
                self.gs.tc = n(1);
                self.td(0.0, -self.gs.tl);
                if let Some(Object::String(s, _)) = a.get(2) {
                    self.show(s);
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = a.first() {
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s),
                            other => {
                                if let Some(v) = num(other) {
                                    self.shift(-v / 1000.0 * self.gs.tfs);
                                }
                            }
                        }
                    }
                }
            }
            "Do" => {
                if let Some(name) = a.first().and_then(|o| o.as_name().ok()) {
                    self.xobject(res, name);
                }
            }
            "BI" => self.out.images += 1,
            "BMC" => self.marked.push(None),
            "BDC" => {
                let props = match a.get(1) {
                    Some(Object::Dictionary(d)) => Some(d),
                    Some(Object::Name(name)) => res
                        .and_then(|r| objects::get_dict(self.doc, r, b"Properties"))
                        .and_then(|p| objects::get_dict(self.doc, p, name)),
                    _ => None,
                };
                let text = props
                    .and_then(|p| match objects::get(self.doc, p, b"ActualText") {
                        Some(Object::String(s, _)) => Some(encodings::decode_text_string(s)),
                        _ => None,
                    })
                    .filter(|_| self.marked.iter().all(Option::is_none));
                self.marked.push(text.map(|t| (self.out.glyphs.len(), t)));
            }
            "EMC" => {
                if let Some(Some((start, text))) = self.marked.pop() {
                    self.actual_text(start, text);
                }
            }
            _ => {}
        }
    }

    fn td(&mut self, tx: f32, ty: f32) {
        self.tlm = translate(tx, ty, &self.tlm);
        self.tm = self.tlm;
    }

    /// Move along the writing direction by `d` text-space units (before Tz).
    fn shift(&mut self, d: f32) {
        let vertical = self.gs.font.as_ref().is_some_and(|f| f.vertical);
        self.tm = if vertical {
            translate(0.0, d, &self.tm)
        } else {
            translate(d * self.gs.th, 0.0, &self.tm)
        };
    }

    fn font(&mut self, res: Option<&'a Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = objects::get_dict(self.doc, res?, b"Font")?;
        let dict = objects::get_dict(self.doc, fonts, name)?;
        let key = dict as *const Dictionary as usize;
        if let Some(f) = self.cache.fonts.get(&key) {
            return Some(f.clone());
        }
        let f = Rc::new(Font::load(self.doc, dict));
        self.cache.fonts.insert(key, f.clone());
        Some(f)
    }

    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.gs.font.clone() else {
            return;
        };
        let g = self.gs.clone();
        let mut decoded = Vec::new();
        font.decode(bytes, |d| decoded.push(d));
        for d in decoded {
            let trm = mul(
                &mul(&[g.tfs * g.th, 0.0, 0.0, g.tfs, 0.0, g.rise], &self.tm),
                &g.ctm,
            );
            let (x, y) = apply(&trm, 0.0, 0.0);
            let (ux, uy) = apply(&trm, 0.0, 1.0);
            let size = ((ux - x).hypot(uy - y) * font.size_scale).max(1e-3);
            let (dx, dy, ex, ey, adv_w);
            if font.vertical {
                let (vx, vy) = apply(&trm, 0.0, -1.0);
                let len = (vx - x).hypot(vy - y).max(1e-6);
                dx = (vx - x) / len;
                dy = (vy - y) / len;
                ex = vx;
                ey = vy;
                adv_w = 1.0;
            } else {
                let (px, py) = apply(&trm, 1.0, 0.0);
                let len = (px - x).hypot(py - y).max(1e-6);
                dx = (px - x) / len;
                dy = (py - y) / len;
                let (wx, wy) = apply(&trm, d.width, 0.0);
                ex = wx;
                ey = wy;
                adv_w = d.width;
            }
            let extra = g.tc + if d.word_space { g.tw } else { 0.0 };
            // Device length of the character spacing that follows the glyph.
            let m = mul(&self.tm, &g.ctm);
            let (mx, my) = apply(&m, 0.0, 0.0);
            let (sx, sy) = apply(&m, extra * g.th, 0.0);
            let spacing = (sx - mx).hypot(sy - my) * extra.signum();
            let (text, space) = match d.text {
                Some(t) => {
                    let space = t.chars().all(char::is_whitespace);
                    (t, space)
                }
                None => {
                    self.out.unmapped += 1;
                    (Rc::from("\u{FFFD}"), false)
                }
            };
            if self.out.glyphs.len() >= MAX_GLYPHS {
                self.full = true;
                self.out.problems.push(format!(
                    "more than {MAX_GLYPHS} glyphs; the rest is skipped"
                ));
                return;
            }
            if x.is_finite() && y.is_finite() && ex.is_finite() && ey.is_finite() {
                self.out.glyphs.push(Glyph {
                    text,
                    x,
                    y,
                    ex,
                    ey,
                    dx,
                    dy,
                    size,
                    spacing,
                    space,
                });
            }
            if font.vertical {
                let ty = -adv_w * g.tfs + extra;
                self.tm = translate(0.0, ty, &self.tm);
            } else {
                let tx = (adv_w * g.tfs + extra) * g.th;
                self.tm = translate(tx, 0.0, &self.tm);
            }
        }
    }

    fn actual_text(&mut self, start: usize, text: String) {
        if start >= self.out.glyphs.len() {
            return;
        }
        let covered: Vec<Glyph> = self.out.glyphs.drain(start..).collect();
        let first = &covered[0];
        let last = &covered[covered.len() - 1];
        let text: String = text.chars().filter(|c| !c.is_control()).collect();
        if text.is_empty() {
            return;
        }
        let space = text.chars().all(char::is_whitespace);
        self.out.glyphs.push(Glyph {
            text: Rc::from(text),
            ex: last.ex,
            ey: last.ey,
            spacing: last.spacing,
            space,
            ..first.clone()
        });
    }

    fn xobject(&mut self, res: Option<&'a Dictionary>, name: &[u8]) {
        let doc = self.doc;
        let Some(xobjects) = res.and_then(|r| objects::get_dict(doc, r, b"XObject")) else {
            return;
        };
        let id = match xobjects.get(name) {
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let Some(Object::Stream(s)) = objects::get(doc, xobjects, name) else {
            return;
        };
        match objects::get_name(doc, &s.dict, b"Subtype") {
            Some(b"Image") => self.out.images += 1,
            Some(b"Form") => {
                if self.forms.len() >= MAX_FORM_DEPTH || id.is_some_and(|i| self.forms.contains(&i))
                {
                    self.out
                        .problems
                        .push("Form XObjects nest too deep or in a loop; skipped".into());
                    return;
                }
                let bytes = match objects::stream_bytes(doc, s, objects::MAX_STREAM_BYTES) {
                    Ok(b) => b,
                    Err(e) => {
                        self.out.problems.push(e);
                        return;
                    }
                };
                let matrix = objects::get(doc, &s.dict, b"Matrix")
                    .and_then(|m| objects::numbers(doc, m))
                    .filter(|m| m.len() == 6)
                    .map_or(IDENTITY, |m| [m[0], m[1], m[2], m[3], m[4], m[5]]);
                let form_res = objects::get_dict(doc, &s.dict, b"Resources").or(res);
                let saved = (self.gs.clone(), self.stack.len(), self.tm, self.tlm);
                self.gs.ctm = mul(&matrix, &self.gs.ctm);
                self.forms.push(id.unwrap_or((0, 0)));
                self.run(&bytes, form_res);
                self.forms.pop();
                self.stack.truncate(saved.1);
                self.gs = saved.0;
                self.tm = saved.2;
                self.tlm = saved.3;
            }
            _ => {}
        }
    }
}
