import BaoxueContracts
import Testing

@testable import Care

/// The gap list keeps the longest waits without sorting everyone: it must keep exactly what a
/// full sort would put first, ties broken by student number, and count every child offered.
@Suite struct TopWaitsTests {
    static func facts(_ number: String) -> CareFacts {
        CareFacts(number: number, name: "学生", school: "S", schoolName: nil, township: "T", enteredOn: CivilDate(parsing: "2026-09-01")!)
    }

    @Test(arguments: [0, 1, 3, 10, 500])
    func keepsWhatAFullSortPutsFirst(limit: Int) {
        var generator = SystemRandomNumberGenerator()
        let offers = (0..<300).map { index in (number: "G\(1_000 + (index * 7_919) % 300)", days: Int.random(in: 0...20, using: &generator)) }
        var top = TopWaits(limit: limit)
        for offer in offers { top.offer(Self.facts(offer.number), days: offer.days) }
        let expected = offers.sorted { $0.days != $1.days ? $0.days > $1.days : $0.number < $1.number }.prefix(limit)
        #expect(top.count == 300)
        #expect(top.sorted.map(\.facts.number) == expected.map(\.number))
        #expect(top.sorted.map(\.days) == expected.map(\.days))
    }
}
