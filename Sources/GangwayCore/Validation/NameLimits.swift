/// The limits on names that become parts of output paths, in one place so docs/security.md can
/// list them. A file system allows 255 bytes per path component; the longest component Gangway
/// makes from a name is `<slug>-<10 hex digits>` (token URLs), so 100 characters of ASCII leave
/// ample room, also for a staging suffix.
public enum NameLimits {
    /// The most characters a case file's slug, a guide folder's name, a page's name or a step id may have.
    public static let characters = 100
}
