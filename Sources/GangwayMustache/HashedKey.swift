/// A key with its hash computed once: a template's names are hashed when they compile, an
/// object's keys when they are set, so a lookup compares integers before it compares text.
struct HashedKey: Sendable {
    let text: String
    let hash: Int

    init(_ text: String) {
        self.text = text
        var h: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        hash = Int(truncatingIfNeeded: h)
    }
}
