extension StarterSite {
    static let embedded: [(String, String)] = []
}
