extension StarterSite {
    /// The README.md that `gangway init` writes beside the new site: what to edit, how to build,
    /// and which output goes where.
    static let readme = """
    # Onboarding portal

    This folder is a Gangway site. Edit the case files in `content/clinics/`, the guide in
    `content/guides/`, and the settings in `gangway.yml`; then:

    ```
    gangway check     # every problem in the case files, with file and line
    gangway serve     # preview at http://127.0.0.1:8000/, the team site at /team/
    gangway build     # writes public/ and team/
    ```

    The build writes two sites; publish them to two different places:

    - `public/` is the clinic portal. Put it on any static host. Send each clinic the link to
      its own folder, `clinics/<folder>/`; nothing in the portal lists the clinics or leads
      from one clinic to another. With `clinic_urls: token` (and a long random
      `GANGWAY_URL_SECRET`, such as the output of `openssl rand -hex 32`) those links cannot be guessed.
    - `team/` is the team site: the dashboard and `status.json`, with every clinic in them.
      Host it only behind your team's login, never next to the portal. It is built because
      `gangway.yml` says `dashboard: true`; set it to `false` if you do not need it.

    Both folders are rebuilt whole on every build and are kept out of git (`.gitignore`).

    """
}
