import Crypto
import Foundation

/// Where a clinic's pages live: `clinics/<slug>/`, or `clinics/<slug>-<10 hex>/` with private URLs.
public struct ClinicFolders: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case missingSecret
        public var description: String {
            "clinic_urls is 'token' but GANGWAY_URL_SECRET is not set: set it to a long random secret kept out of the repository"
        }
    }

    let mode: SiteConfig.ClinicURLs
    let key: SymmetricKey?

    public init(mode: SiteConfig.ClinicURLs, secret: String?) throws {
        self.mode = mode
        if mode == .token {
            guard let secret, !secret.isEmpty else { throw Failure.missingSecret }
            key = SymmetricKey(data: Data(secret.utf8))
        } else {
            key = nil
        }
    }

    /// The folder name below `clinics/`.
    public func folder(for slug: String) -> String {
        guard let key else { return slug }
        return slug + "-" + Self.token(slug: slug, key: key)
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
