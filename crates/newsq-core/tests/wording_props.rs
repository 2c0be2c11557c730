//! Comparing wordings takes quotations from untrusted articles: it must never
//! panic, its ranges must point inside both quotations, and it must agree
//! with itself on the cases that define it.

use newsq_core::wording::{compare, EditKind, Relation, Wording};
use proptest::prelude::*;

fn quotation() -> impl Strategy<Value = String> {
    // Few distinct words, so that repeats and shared runs are common.
    let pieces = prop::sample::select(vec![
        "the", "war", "peace", "talks", "will", "end", "now", "Zoë", "…", "...", ",", " ", "’s",
        "—", "\n", "ДА", "1914",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn comparison_ranges_lie_inside_both_quotations(a in quotation(), b in quotation()) {
        let (ra, rb) = (Wording::new(&a), Wording::new(&b));
        let comparison = compare(&ra, &rb);
        prop_assert!(comparison.matched <= ra.len().min(rb.len()));
        prop_assert!(comparison.reference_span.end <= ra.len());
        prop_assert!(comparison.version_span.end <= rb.len());
        for edit in &comparison.edits {
            prop_assert!(edit.reference.end <= ra.len() && edit.version.end <= rb.len());
            prop_assert!(!(edit.reference.is_empty() && edit.version.is_empty()));
            let bytes = rb.byte_range(edit.version.clone());
            prop_assert!(b.get(bytes).is_some());
            let bytes = ra.byte_range(edit.reference.clone());
            prop_assert!(a.get(bytes).is_some());
        }
        // Whatever the relation, it is computed without a panic and is
        // symmetric for identity.
        let back = compare(&rb, &ra).relation();
        prop_assert_eq!(
            comparison.relation() == Relation::Identical,
            back == Relation::Identical
        );
    }

    #[test]
    fn a_quotation_is_identical_to_itself_and_contains_each_of_its_runs(
        a in quotation(),
        from in 0usize..40,
        take in 1usize..40,
    ) {
        let whole = Wording::new(&a);
        prop_assume!(!whole.is_empty());
        prop_assert_eq!(compare(&whole, &whole).relation(), Relation::Identical);
        let start = from % whole.len();
        let end = (start + take).min(whole.len());
        let run = Wording::new(&whole.words()[start..end].join(" "));
        let comparison = compare(&whole, &run);
        prop_assert!(!comparison.differs(), "{:?}", comparison);
        prop_assert_eq!(comparison.matched, run.len());
        let expected = if run.len() == whole.len() {
            Relation::Identical
        } else {
            Relation::VersionInside
        };
        prop_assert_eq!(comparison.relation(), expected);
        prop_assert!(comparison.edits.iter().all(|e| e.kind != EditKind::Replaced));
    }
}
