/// For a process that does one build and exits (`gangway build`, `gangway check`).
public enum ProcessExit {
    /// Keeps `value` alive until the process exits, never releasing it. Freeing a built site of
    /// 10,000 clinics value by value kept the main thread busy alone after the last file was
    /// written (a serial tail of the profile: `CaseFile`'s and `ClinicView`'s destroy, about 70 ms;
    /// leaving it out made the build 5 % faster, medians of 7 alternating runs); the exit
    /// reclaims the same memory at once. Compilers do the same (clang's `-disable-free`).
    public static func keep<T>(_ value: T) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
