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
        if frames[top].measure == .intrinsic {
            frames[top].measure = .none
            var closesHere = false
            if let standalone, case .tag(let tag) = items[standalone.index] { closesHere = tag.sigil == UInt8(ascii: "/") }
            frames[top].intrinsic = closesHere ? [] : Array(bytes[leadingBlankRange()])
        }

        if let standalone, case .tag(let tag) = items[standalone.index] {
            apply(tag, standalone: true, indentation: Array(bytes[standalone.blanks]))
            return
        }
        var first = true
        for item in items {
            guard !stopped else { return }
            switch item {
            case .text(let range):
                frames[frames.count - 1].appendIfContent(bytes[range], startsLine: first)
            case .tag(let tag):
                if first { append(.lineStart) }
                apply(tag, standalone: false, indentation: [])
            }
            first = false
        }
        if let newline {
            frames[frames.count - 1].appendIfContent(bytes[newline], startsLine: first)
        }
    }

    /// The line's only tag and the blanks before it, when nothing else but blanks is on the line.
    private func standaloneTag(endsWithNewline: Bool) -> (index: Int, blanks: Range<Int>)? {
        var found: Int?
        for (i, item) in items.enumerated() {
            switch item {
            case .text(let range):
                let allowCR = endsWithNewline && i == items.count - 1
                for j in range where !Byte.isBlank(bytes[j]) && !(allowCR && j == range.upperBound - 1 && bytes[j] == Byte.cr) {
                    return nil
                }
            case .tag(let tag):
                guard found == nil, tag.canStandAlone else { return nil }
                found = i
            }
        }
        guard let found else { return nil }
        if found > 0, case .text(let range) = items[0] { return (found, range) }
        return (found, 0..<0)
    }

    private func leadingBlankRange() -> Range<Int> {
        guard case .text(let range)? = items.first else { return 0..<0 }
        var end = range.lowerBound
        while end < range.upperBound && Byte.isBlank(bytes[end]) { end += 1 }
        return range.lowerBound..<end
    }

    private func leadingBlanks() -> Int { leadingBlankRange().count }

    /// Adds one tag to the tree: a node in the open frame, a new frame, or the end of one.
    mutating func apply(_ tag: Tag, standalone: Bool, indentation: [UInt8]) {
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
                push(Frame(kind: .override(block: id), name: tag.name, at: tag.at, measure: standalone ? .strip : .none), at: tag.at)
            } else {
                push(Frame(kind: .block(id: id), name: tag.name, at: tag.at,
                           indentation: standalone ? indentation : [], measure: standalone ? .intrinsic : .none), at: tag.at)
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
            append(.partial(template: target, indentation: standalone ? indentation : [], at: tag.at))
        case UInt8(ascii: "<"):
            let target = resolve(tag) ?? -1
            push(Frame(kind: .parent(template: target), name: tag.name, at: tag.at, indentation: standalone ? indentation : []), at: tag.at)
        default:
            guard let name = parseName(tag) else { return }
            append(.value(name, escaped: tag.sigil == 0))
        }
    }

    private mutating func append(_ node: Node) {
        let top = frames.count - 1
        guard !frames[top].isParent else { return }  // a parent's content outside blocks is ignored
        frames[top].append(node)
    }

    @discardableResult
    private mutating func push(_ frame: Frame, at: Position) -> Bool {
        guard frames.count <= MustacheLimits.nesting else {
            error(.nesting(limit: MustacheLimits.nesting), at: at)
            stopped = true
            return false
        }
        var frame = frame
        if frame.measure != .strip { frame.strip = frames[frames.count - 1].strip }
        frames.append(frame)
        return true
    }

    private mutating func closeFrame(_ tag: Tag) {
        guard frames.count > 1 else {
            error(.syntax("'{{/\(tag.name)}}' closes nothing: no section, parent or block is open"), at: tag.at)
            return
        }
        guard frames[frames.count - 1].name == tag.name else {
            let open = frames[frames.count - 1]
            error(.syntax("'{{/\(tag.name)}}' does not close the open \(open.what) '\(open.name)'"), at: tag.at)
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
            append(.section(name, body: frame.nodes, inverted: inverted))
        case .parent(let target):
            append(.parent(template: target, overrides: frame.overrides, indentation: frame.indentation, at: frame.at))
        case .override(let block):
            guards -= 1
            frames[top].overrides.append(Override(block: block, body: frame.nodes, template: selfIndex))
        case .block(let id):
            guards -= 1
            append(.block(id: id, defaultBody: frame.nodes, indentation: frame.indentation + frame.intrinsic, at: frame.at))
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
