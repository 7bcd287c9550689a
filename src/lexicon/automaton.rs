//! The word automaton as the searches see it: a start node, a step along one byte, the
//! transitions of a node, and whether a node ends a word (with its value).
//!
//! Two forms implement it: the embedded `fst` itself, compact and ready at once, and
//! [`super::flat::Flat`], a fixed-width copy built for large inputs, whose steps cost a
//! few instructions instead of decoding a packed node each time. The searches are written
//! once over this trait, so both forms give the same answers.

use fst::raw::{Fst, Node};

/// A deterministic acyclic automaton of words with additive outputs (an `fst` map's
/// structure): a word's value is the sum of the outputs along its path plus its final
/// node's output.
pub(crate) trait Automaton: Copy {
    /// A node, cheap to copy.
    type Node: Copy;

    /// The start node.
    fn root(&self) -> Self::Node;

    /// True when a word ends at `node`.
    fn is_final(&self, node: Self::Node) -> bool;

    /// The output a word ending at `node` adds (0 when it is not final).
    fn final_output(&self, node: Self::Node) -> u64;

    /// The node that byte `b` leads to from `node`, and the transition's output.
    fn step(&self, node: Self::Node, b: u8) -> Option<(Self::Node, u64)>;

    /// Each transition of `node`, in the fst's order: its byte, target and output.
    fn for_each_transition(&self, node: Self::Node, f: impl FnMut(u8, Self::Node, u64));

    /// The node and summed output that `bytes` lead to from `node` (with output `out` so
    /// far), if some word continues so.
    #[inline]
    fn follow(
        &self,
        mut node: Self::Node,
        mut out: u64,
        bytes: &[u8],
    ) -> Option<(Self::Node, u64)> {
        for &b in bytes {
            let (next, o) = self.step(node, b)?;
            node = next;
            out += o;
        }
        Some((node, out))
    }

    /// The value of `word`, if it is a word of the automaton.
    #[inline]
    fn get(&self, word: &[u8]) -> Option<u64> {
        let (node, out) = self.follow(self.root(), 0, word)?;
        self.is_final(node).then(|| out + self.final_output(node))
    }
}

impl<'f, D: AsRef<[u8]>> Automaton for &'f Fst<D> {
    type Node = Node<'f>;

    #[inline]
    fn root(&self) -> Node<'f> {
        Fst::root(self)
    }

    #[inline]
    fn is_final(&self, node: Node<'f>) -> bool {
        node.is_final()
    }

    #[inline]
    fn final_output(&self, node: Node<'f>) -> u64 {
        node.final_output().value()
    }

    #[inline]
    fn step(&self, node: Node<'f>, b: u8) -> Option<(Node<'f>, u64)> {
        let t = node.transition(node.find_input(b)?);
        Some((self.node(t.addr), t.out.value()))
    }

    #[inline]
    fn for_each_transition(&self, node: Node<'f>, mut f: impl FnMut(u8, Node<'f>, u64)) {
        for t in node.transitions() {
            f(t.inp, self.node(t.addr), t.out.value());
        }
    }

    #[inline]
    fn get(&self, word: &[u8]) -> Option<u64> {
        Fst::get(self, word).map(|o| o.value())
    }
}
