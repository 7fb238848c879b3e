import BaoxueContracts

/// Masks a student number in lists the way ``StudentNumber/masked`` does, for numbers that
/// arrive as plain strings.
public enum StudentNumberMask {
    public static func mask(_ number: String) -> String {
        (try? StudentNumber(validating: number))?.masked ?? number
    }
}
