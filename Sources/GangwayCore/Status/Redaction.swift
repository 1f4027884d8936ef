/// The one place where text from a case file is made fit to publish, as gangway.yml asks:
/// with `publish_emails: false` (the default) email addresses are masked and phone numbers hidden
/// in every free-text value, and a person's email and phone are masked or dropped. status.json
/// uses `.always`, whatever the config says.
public struct Redaction: Sendable, Equatable {
    /// Whether contact details may be published as written (`publish_emails: true`).
    public let publishContacts: Bool

    public init(publishContacts: Bool) { self.publishContacts = publishContacts }

    public init(config: SiteConfig) { self.init(publishContacts: config.publishEmails) }

    /// Hides contact details whatever the config: for status.json and every other machine output.
    public static let always = Redaction(publishContacts: false)

    /// Free text (a name, a title, a role, a note, HTML from a note) with its emails masked and its
    /// phone numbers hidden, unless contacts are published.
    public func text(_ s: String) -> String {
        publishContacts ? s : ContactText.redact(s)
    }

    /// A person's email field: as written, or masked (`a•••@clinic.example`).
    public func email(_ s: String) -> String {
        publishContacts ? s : EmailMask.mask(s)
    }

    /// A person's phone field: as written, or nothing.
    public func phone(_ s: String) -> String? {
        publishContacts ? s : nil
    }
}
