import ArgumentParser
import BaoxueContracts

/// A grade as a person types it on the command line (`高一`, `初二`, `大班`, `10`), read with the
/// roster's own rules (``FieldParsing/grade(_:)``) and carried as ``SchoolGrade``'s number.
struct GradeArgument: ExpressibleByArgument, Equatable {
    var number: Int

    init?(argument: String) {
        guard let number = FieldParsing.grade(argument) else { return nil }
        self.number = number
    }
}
