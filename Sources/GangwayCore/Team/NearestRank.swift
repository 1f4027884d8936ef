/// Percentiles by nearest rank, as SPEC.md defines them: the value at rank ⌈p·n⌉ of the sorted
/// values (1-based). Exact: p is a fraction of whole numbers, so no floating point decides a rank.
public enum NearestRank {
    /// The value at rank ⌈(numerator/denominator)·n⌉ of `values` sorted; nil when there are none.
    public static func value(_ values: [Int], numerator: Int, denominator: Int) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = max(1, (numerator * sorted.count + denominator - 1) / denominator)
        return sorted[min(rank, sorted.count) - 1]
    }

    public static func median(_ values: [Int]) -> Int? { value(values, numerator: 1, denominator: 2) }
    public static func p90(_ values: [Int]) -> Int? { value(values, numerator: 9, denominator: 10) }
}
