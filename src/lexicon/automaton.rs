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

/// Where a step along one byte leads, with the transition's output, if anywhere.
pub(crate) type Step<A> = Option<(<A as Automaton>::Node, u64)>;

/// The step from one node along a byte, remembered for the next ask with the same byte:
/// the swaps that insert a ligature ("fi", "fl", "ff", …) come one after another in the
/// confusion table, so a search that tries each swap's `meant` from the same node steps
/// along "f" once. Made anew for each node.
pub(crate) struct SharedStep<A: Automaton> {
    last: Option<(u8, Step<A>)>,
}

impl<A: Automaton> SharedStep<A> {
    /// Nothing remembered yet.
    pub(crate) fn new() -> Self {
        SharedStep { last: None }
    }

    /// `fst.step(node, b)`, from memory when the last ask was for `b` too (`node` must be
    /// the same at every ask).
    #[inline]
    pub(crate) fn step(&mut self, fst: A, node: A::Node, b: u8) -> Step<A> {
        match self.last {
            Some((last, step)) if last == b => step,
            _ => {
                let step = fst.step(node, b);
                self.last = Some((b, step));
                step
            }
        }
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
