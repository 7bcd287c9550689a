//! Helpers shared by the integration tests that build PDFs with lopdf.
#![allow(dead_code)] // each test crate uses its own part

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

/// The Helvetica font dictionary (WinAnsi encoding) the test PDFs name `/F1`.
pub fn helvetica() -> Dictionary {
    dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    }
}

/// A document with one page per content stream; `fonts` and `xobjects` live in the page
/// tree's root (so pages inherit them). Returns the document, the root's id and the
/// pages' ids.
pub fn build_pdf(
    pages: &[&[u8]],
    fonts: Dictionary,
    xobjects: Dictionary,
) -> (Document, ObjectId, Vec<ObjectId>) {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut ids = Vec::new();
    for content in pages {
        let cid = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
        ids.push(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => cid,
        }));
    }
    let kids: Vec<Object> = ids.iter().map(|&id| Object::Reference(id)).collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Resources" => dictionary! { "Font" => fonts, "XObject" => xobjects },
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    (doc, pages_id, ids)
}

/// The bytes of a document.
pub fn save(mut doc: Document) -> Vec<u8> {
    let mut v = Vec::new();
    doc.save_to(&mut v).unwrap();
    v
}
