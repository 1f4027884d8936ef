import Crypto
import Foundation

/// Where a clinic's pages live: `clinics/<slug>/`, or `clinics/<slug>-<10 hex>/` with private URLs.
public struct ClinicFolders: Sendable {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case missingSecret
        case weakSecret(length: Int)
        public var description: String {
            switch self {
            case .missingSecret:
                return "clinic_urls is 'token' but GANGWAY_URL_SECRET is not set: set it to a long random secret kept out of the repository"
            case .weakSecret(let length):
                return "clinic_urls is 'token' but GANGWAY_URL_SECRET is only \(length) \(length == 1 ? "character" : "characters") long: it needs at least \(ClinicFolders.minimumSecretLength); make one with `openssl rand -hex 32`"
            }
        }
    }

    /// A secret shorter than this (in characters) could be guessed, and with it every clinic's folder.
    public static let minimumSecretLength = 32

    /// Why `secret` cannot make private URLs, or nil when it can.
    public static func problem(withSecret secret: String?) -> Failure? {
        guard let secret, !secret.isEmpty else { return .missingSecret }
        return secret.count < minimumSecretLength ? .weakSecret(length: secret.count) : nil
    }

    let mode: SiteConfig.ClinicURLs
    let key: SymmetricKey?

    public init(mode: SiteConfig.ClinicURLs, secret: String?) throws {
        self.mode = mode
        if mode == .token {
            if let problem = Self.problem(withSecret: secret) { throw problem }
            key = SymmetricKey(data: Data((secret ?? "").utf8))
        } else {
            key = nil
        }
    }

    /// The folder name below `clinics/`.
    public func folder(for slug: String) -> String {
        guard let key else { return slug }
        return slug + "-" + Self.token(slug: slug, key: key)
    }

    /// `token(slug:key:)` under `secret`, whatever its length (the length rule is the initializer's).
    static func token(slug: String, secret: String) -> String {
        token(slug: slug, key: SymmetricKey(data: Data(secret.utf8)))
    }

    /// The first 10 hex digits of HMAC-SHA256(secret, slug).
    static func token(slug: String, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(slug.utf8), using: key)
        return mac.prefix(5).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
