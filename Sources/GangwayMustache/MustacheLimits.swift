/// How deep templates may nest. Both limits keep the renderer's recursion, and so its stack,
/// bounded whatever the templates say.
public enum MustacheLimits {
    /// Sections, parents and blocks open inside each other in one template.
    public static let nesting = 100
    /// Partials, parents and block overrides expanded inside each other while rendering.
    public static let renderDepth = 100
    /// Partials, parents and block overrides expanded in one render, all told. Depth alone does
    /// not bound the work: twenty-five partials that each call the next twice expand 2^25 times
    /// while no call is deeper than 25. A real page expands a few hundred times.
    public static let expansions = 1_000_000
}
