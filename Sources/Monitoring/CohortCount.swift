/// How many children of one school (and its township) made one ``CohortMark`` in a period.
struct CohortCount: Sendable, Equatable {
    var township: String
    var school: String
    var count: Int
}
