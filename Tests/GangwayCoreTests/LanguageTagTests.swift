import Testing
@testable import GangwayCore

/// gangway.yml's `language`: a language of 2 to 8 ASCII letters, then subtags of 1 to 8 letters
/// or digits, each after one `-`; nothing else, not even a final line break.
@Suite struct LanguageTagTests {
    @Test(arguments: ["en", "fr", "fr-CA", "EN", "zh-Hant-TW", "de-CH-1901", "abcdefgh", "sr-Latn-RS", "en-a-bbb"])
    func accepted(_ tag: String) {
        #expect(ConfigLoader.isLanguageTag(tag))
    }

    @Test(arguments: ["", "e", "abcdefghi", "en-", "-en", "en--CA", "en_CA", "en-abcdefghi", "12", "en-CA\n", "en\n", " en",
                      "é", "en-ça", "fr-CA-", "en CA", "e\u{0}n"])
    func refused(_ tag: String) {
        #expect(!ConfigLoader.isLanguageTag(tag))
    }
}
