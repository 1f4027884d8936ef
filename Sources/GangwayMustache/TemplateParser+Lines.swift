extension TemplateParser {
    /// Decides whether the line just read is standalone, then adds its pieces to the open frame.
    mutating func endLine(newline: Range<Int>?) {
        defer { items.removeAll(keepingCapacity: true) }
        guard !items.isEmpty || newline != nil else { return }
        let top = frames.count - 1

        // Inside an override definition, the definition's own indentation is not content.
        let lead = leadingBlanks()
        if frames[top].measure == .strip {
            frames[top].strip = lead
            frames[top].measure = .none
        }
        let cut = min(frames[top].strip, lead)
        if cut > 0, case .text(let range) = items[0] {
            if range.count == cut { items.removeFirst() } else { items[0] = .text(range.lowerBound + cut..<range.upperBound) }
        }

        let standalone = standaloneTag(endsWithNewline: newline != nil)
        let blanks = leadingBlankRange()
        // The first tag, when only blanks come before it (texts next to each other are one item).
        var firstTag = -1
        if case .tag? = items.first { firstTag = 0 } else if case .text(let range)? = items.first, range == blanks { firstTag = 1 }
        // Alone on its line: the line goes, and its blanks are the tag's indentation.
        let alone = standalone != nil && standalone == firstTag
        if frames[top].measure == .intrinsic {
            frames[top].measure = .none
            var closesHere = false
            if alone, let standalone, case .tag(let tag) = items[standalone] { closesHere = tag.sigil == UInt8(ascii: "/") }
            frames[top].intrinsic = closesHere ? [] : Array(bytes[blanks])
        }
        if alone, let standalone, case .tag(let tag) = items[standalone] {
            apply(tag, standalone: true, leading: Array(bytes[blanks]))
            return
        }
        // The line's start goes before its first content, in whichever frame that lands.
        lineStartPending = true
        defer { lineStartPending = false }
        for (i, item) in items.enumerated() {
            guard !stopped else { return }
            switch item {
            case .text(let range):
                frames[frames.count - 1].appendIfContent(bytes[range], startsLine: lineStartPending)
                lineStartPending = false
            case .tag(let tag):
                apply(tag, standalone: i == standalone, leading: i == firstTag ? Array(bytes[blanks]) : [])
                if i == standalone { return }  // only blanks follow; the newline goes too
            }
        }
        if let newline {
            frames[frames.count - 1].appendIfContent(bytes[newline], startsLine: lineStartPending)
        }
    }

    /// Marks where the line starts, before a node or a frame that begins the line.
    private mutating func markLineStart() {
        guard lineStartPending else { return }
        lineStartPending = false
        append(.lineStart)
    }

    /// The line's standalone tag: its last tag, when only blanks follow it and only blanks or
    /// what a parent ignores come before it. A parent's tags need not be on lines of their own to
    /// be standalone (`{{<parent}}{{$block}}` then a newline opens the block on the next line).
    private func standaloneTag(endsWithNewline: Bool) -> Int? {
        guard let last = items.lastIndex(where: { if case .tag = $0 { true } else { false } }),
              case .tag(let tag) = items[last], tag.canStandAlone else { return nil }
        for i in (last + 1)..<items.count {
            guard case .text(let range) = items[i] else { return nil }
            let allowCR = endsWithNewline && i == items.count - 1
            for j in range where !Byte.isBlank(bytes[j]) && !(allowCR && j == range.upperBound - 1 && bytes[j] == Byte.cr) {
                return nil
            }
        }
        // Follow the frames the tags before it open and close: each must leave a parent open.
        var opened: [Bool] = []
        var below = frames.count - 1
        var inParent: Bool { opened.last ?? (below >= 0 && frames[below].isParent) }
        for item in items[..<last] {
            switch item {
            case .text(let range):
                guard inParent || range.allSatisfy({ Byte.isBlank(bytes[$0]) }) else { return nil }
            case .tag(let tag):
                switch tag.sigil {
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"): opened.append(false)
                case UInt8(ascii: "<"): opened.append(true)
                case UInt8(ascii: "/"): if opened.isEmpty { below -= 1 } else { opened.removeLast() }
                default: break
                }
                guard inParent else { return nil }
            }
        }
        return last
    }

    private func leadingBlankRange() -> Range<Int> {
        guard case .text(let range)? = items.first else { return 0..<0 }
        var end = range.lowerBound
        while end < range.upperBound && Byte.isBlank(bytes[end]) { end += 1 }
        return range.lowerBound..<end
    }

    private func leadingBlanks() -> Int { leadingBlankRange().count }

    /// Adds one tag to the tree: a node in the open frame, a new frame, or the end of one.
    /// `leading` is the blanks before the tag when it is the first on its line: a standalone
    /// partial's indentation, and a parent's or block's whether standalone or not (as in
    /// swift-mustache; the spec's inheritance tests need it for blocks).
    mutating func apply(_ tag: Tag, standalone: Bool, leading: [UInt8]) {
        let top = frames.count - 1
        switch tag.sigil {
        case UInt8(ascii: "!"), UInt8(ascii: "="):
            return
        case UInt8(ascii: "/"):
            closeFrame(tag)
            return
        case UInt8(ascii: "$"):
            let id = blockID(tag.name)
            guards += 1
            if frames[top].isParent {
                // The first line that starts inside the definition sets the indentation its
                // lines lose (after an inline `{{$name}}` too, as in swift-mustache).
                push(Frame(kind: .override(block: id), name: tag.name, at: tag.at, measure: .strip), at: tag.at)
            } else {
                push(Frame(kind: .block(id: id), name: tag.name, at: tag.at,
                           indentation: leading, measure: standalone ? .intrinsic : .none), at: tag.at)
            }
            return
        default:
            break
        }
        guard !frames[top].isParent else {
            error(.syntax("'\(tag.written)' stands inside parent '\(frames[top].name)' but outside a block; only blocks ('{{$name}}') may be there"), at: tag.at)
            return
        }
        switch tag.sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            let name = parseName(tag) ?? Name(parts: [], anchored: true)
            if push(Frame(kind: .section(name, inverted: tag.sigil == UInt8(ascii: "^")), name: tag.name, at: tag.at), at: tag.at) {
                guards += 1
            }
        case UInt8(ascii: ">"):
            guard let target = resolve(tag) else { return }
            append(.partial(template: target, indentation: standalone ? leading : [], at: tag.at))
        case UInt8(ascii: "<"):
            let target = resolve(tag) ?? -1
            push(Frame(kind: .parent(template: target), name: tag.name, at: tag.at, indentation: leading), at: tag.at)
        default:
            guard let name = parseName(tag) else { return }
            append(.value(name, escaped: tag.sigil == 0))
        }
    }

    private mutating func append(_ node: Node) {
        markLineStart()
        appendClosed(node)
    }

    /// A frame's node, added when the frame closes: its line start was marked when it opened.
    private mutating func appendClosed(_ node: Node) {
        let top = frames.count - 1
        guard !frames[top].isParent else { return }  // a parent's content outside blocks is ignored
        frames[top].append(node)
    }

    @discardableResult
    private mutating func push(_ frame: Frame, at: Position) -> Bool {
        markLineStart()
        guard frames.count <= MustacheLimits.nesting else {
            error(.nesting(limit: MustacheLimits.nesting), at: at)
            stopped = true
            return false
        }
        var frame = frame
        let parent = frames[frames.count - 1]
        // Opened inside an override definition before its indentation is known: this frame's
        // own first line sets what its lines lose (swift-mustache measures per nested section).
        if frame.measure == .none && parent.measure == .strip { frame.measure = .strip }
        if frame.measure != .strip { frame.strip = parent.strip }
        frames.append(frame)
        return true
    }

    private mutating func closeFrame(_ tag: Tag) {
        guard frames.count > 1 else {
            if !structureBroken { error(.syntax("'{{/\(tag.name)}}' closes nothing: no section, parent or block is open"), at: tag.at) }
            return
        }
        guard frames[frames.count - 1].name == tag.name else {
            let open = frames[frames.count - 1]
            // One mistyped close would otherwise also report every close after it and every section left open.
            if !structureBroken { error(.syntax("'{{/\(tag.name)}}' does not close the open \(open.what) '\(open.name)'"), at: tag.at) }
            structureBroken = true
            return
        }
        var frame = frames.removeLast()
        frame.flushText()
        let top = frames.count - 1
        switch frame.kind {
        case .root:
            break
        case .section(let name, let inverted):
            guards -= 1
            appendClosed(.section(name, body: frame.nodes, inverted: inverted))
        case .parent(let target):
            appendClosed(.parent(template: target, overrides: frame.overrides, indentation: frame.indentation, at: frame.at))
        case .override(let block):
            guards -= 1
            // A block given twice in one parent: the later one counts, as in swift-mustache.
            let override = Override(block: block, body: frame.nodes, template: selfIndex)
            if let earlier = frames[top].overrides.firstIndex(where: { $0.block == block }) {
                frames[top].overrides[earlier] = override
            } else {
                frames[top].overrides.append(override)
            }
        case .block(let id):
            guards -= 1
            appendClosed(.block(id: id, defaultBody: frame.nodes, indentation: frame.indentation + frame.intrinsic, at: frame.at))
        }
    }

    private mutating func blockID(_ name: String) -> Int {
        if let id = blocks[name] { return id }
        let id = blocks.count
        blocks[name] = id
        return id
    }

    /// The template a `{{>name}}` or `{{<name}}` calls. A missing one is an error here, not an
    /// empty render as the spec has it: a misspelt partial should stop the build, not vanish.
    private mutating func resolve(_ tag: Tag) -> Int? {
        if tag.name.hasPrefix("*") {
            error(.syntax("dynamic names such as '\(tag.written)' are not supported: partials are resolved when templates compile"), at: tag.at)
            return nil
        }
        guard let target = templates[tag.name] else {
            error(.missingPartial(tag.name), at: tag.at)
            return nil
        }
        references.append(PartialReference(target: target, guarded: guards > 0, at: tag.at))
        return target
    }

    /// `a.b.c`, `.` or `.a`; letters, digits, `_`, `-`, `?` and any non-ASCII character in a part.
    private mutating func parseName(_ tag: Tag) -> Name? {
        if tag.name == "." { return Name(parts: [], anchored: true) }
        var text = Substring(tag.name)
        let anchored = text.hasPrefix(".")
        if anchored { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let valid = parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { b in
                b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                    || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "?")
            }
        }
        guard valid else {
            if tag.name.contains("(") {
                error(.syntax("'\(tag.written)' applies a transform, which Gangway's templates do not support"), at: tag.at)
            } else {
                error(.syntax("'\(tag.name)' is not a valid name: use letters, digits, '_', '-' and '?', with '.' between the parts of a dotted name"), at: tag.at)
            }
            return nil
        }
        return Name(parts: parts.map(String.init), anchored: anchored)
    }
}

private extension TemplateParser.Frame {
    /// Text of a parent outside its blocks is ignored.
    mutating func appendIfContent<C: Collection>(_ bytes: C, startsLine: Bool) where C.Element == UInt8 {
        guard !isParent else { return }
        appendText(bytes, startsLine: startsLine)
    }
}
