//! The binary's allocator and how it treats memory freed while a large input is cleaned.
//!
//! `clean` allocates with mimalloc: on criterion's 2 MB text it cleans in 623 ms against
//! 709 ms with glibc's allocator (the stages build and drop many small strings and tables).
//! mimalloc keeps freed pages for a few milliseconds before handing them back, which spares
//! page faults, but on a 107 MB text it let the peak reach 589 MB, over issue 2's bound of
//! 4x the input. From [`LARGE_INPUT`] bytes on, freed memory goes back at once: the
//! 107 MB text then peaks at 417-423 MB, and the run takes as long as with glibc.

use std::path::Path;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Inputs of this size and more have freed memory handed back at once. Below it the peak
/// is mostly the lexicon and mimalloc's huge pages, not the text (a 2 MB text peaks at
/// about 130 MB, against 70 MB with glibc's allocator).
const LARGE_INPUT: u64 = 16 << 20;

/// mimalloc's option `mi_option_purge_delay`: its position in the C enum `mi_option_t`
/// (the same in mimalloc 2 and 3); the Rust bindings leave options unnamed.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Hand freed memory back at once when an input of `bytes` bytes is large (see
/// [`LARGE_INPUT`]). Call it from the main thread before the cleaning starts.
pub fn fit_to_input(bytes: u64) {
    if bytes >= LARGE_INPUT {
        // SAFETY: `mi_option_set` stores one integer in mimalloc's option table, which
        // mimalloc reads when it next decides to purge. It is called on the main thread
        // before the cleaning starts; a thread left from loading that reads the option at
        // that moment sees the old delay or the new one, either of which is valid.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
    }
}

/// [`fit_to_input`] for the largest of these files; standard input (`-`) and paths that
/// cannot be read count as nothing here (standard input is fitted once it is read).
pub fn fit_to_files<'p>(paths: impl IntoIterator<Item = &'p Path>) {
    let largest = paths
        .into_iter()
        .filter(|p| p.as_os_str() != "-")
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .max()
        .unwrap_or(0);
    fit_to_input(largest);
}
