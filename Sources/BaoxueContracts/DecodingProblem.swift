/// A `DecodingError` said so a client developer can act on it: which field and why.
public enum DecodingProblem {
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.reduce("") { path, key in
                if let index = key.intValue { return path + "[\(index)]" }
                return path.isEmpty ? key.stringValue : path + "." + key.stringValue
            }
        }
        func field(_ context: DecodingError.Context, _ key: String? = nil) -> String {
            let base = path(context)
            guard let key else { return base.isEmpty ? "(root)" : base }
            return base.isEmpty ? key : base + "." + key
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field \(field(context, key.stringValue))"
        case .typeMismatch(let type, let context): return "field \(field(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "field \(field(context)): expected \(type), found null"
        case .dataCorrupted(let context): return "field \(field(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
