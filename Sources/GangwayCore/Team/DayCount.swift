extension Day {
    /// Whole days from `start` to `self` (negative when `start` is later).
    public func days(since start: Day) -> Int {
        Day.ordinal(self) - Day.ordinal(start)
    }

    /// Days since a fixed epoch (Fliegel–Van Flandern, as `adding(days:)` counts them).
    private static func ordinal(_ d: Day) -> Int {
        let a = (14 - d.month) / 12
        let y = d.year + 4800 - a
        let m = d.month + 12 * a - 3
        return d.day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }
}
