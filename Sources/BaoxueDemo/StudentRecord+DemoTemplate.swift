import BaoxueContracts

extension StudentRecord {
    /// A valid record the demo copies and overwrites field by field.
    ///
    /// `StudentRecord` has no public memberwise initialiser, and going through
    /// ``StudentRecord/parse(_:)`` for every generated child would cost more than the rest of the
    /// generation. Every property is `public var`, so one parsed record serves as the starting
    /// value; the demo then sets every field, and its tests prove each result with
    /// ``StudentRecord/consistencyProblems()``.
    static let demoTemplate: StudentRecord = {
        let fields: [StudentField: String] = [
            .name: "模板", .sex: "男", .birthDate: "2015-03-07",
            .studentNumber: "J510123201503070011", .schoolCode: "2510123001", .grade: "3",
        ]
        switch StudentRecord.parse(fields) {
        case .success(let record): return record
        case .failure(let problems): preconditionFailure("demo template rejected: \(problems)")
        }
    }()
}
