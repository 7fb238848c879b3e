/// Records what checking on a suspect found (`monitor.crosscheck.verify`). Township staff verify
/// the suspects of their township, county roles any.
public struct SuspectVerification: Codable, Sendable {
    /// The suspect's id, as lists show it.
    public var id: Int64
    public var category: SuspectCategory
    /// The document that shows it (接收证明, 死亡证明…); required when ``SuspectCategory/needsProof``.
    public var proof: String?
    public var note: String?

    public init(id: Int64, category: SuspectCategory, proof: String? = nil, note: String? = nil) {
        self.id = id
        self.category = category
        self.proof = proof
        self.note = note
    }

    /// Longest proof and note accepted, in characters.
    public static let maximumProofLength = 200
    public static let maximumNoteLength = 500
}

/// The reply to a verification: the suspect as people see it (masked), and the child's full
/// student number, which only the gateway reads, to file the audit line under the child.
public struct VerifiedSuspect: Codable, Sendable {
    public var suspect: Suspect
    public var student: String

    public init(suspect: Suspect, student: String) {
        self.suspect = suspect
        self.student = student
    }
}
