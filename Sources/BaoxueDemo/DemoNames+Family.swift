import BaoxueContracts

extension DemoNames {
    /// Draws a child's name and their guardian's name together, so the guardian fits the family:
    /// a father shares the child's surname, a Uyghur child's name carries the father's given name
    /// after the dot, and a child whose parents both work away is usually in a grandparent's care.
    static func family(
        sex: Sex, leftBehind: LeftBehindStatus, random: inout SeededGenerator
    ) -> (child: String, guardian: String) {
        if random.chance(0.01) {
            return minorityFamily(sex: sex, leftBehind: leftBehind, random: &random)
        }
        let surname = self.surname(&random)
        var given = random.element(of: sex == .male ? boyCharacters : girlCharacters)
        if !random.chance(0.3) {
            given += random.element(of: sex == .male ? boyCharacters : girlCharacters)
        }
        if random.chance(0.003) {
            given = String(given.dropLast()) + random.element(of: rareCharacters)
        }
        let guardian: String
        switch leftBehind {
        case .bothParents:
            guardian = random.chance(0.55)
                ? surname + random.element(of: grandfatherNames)
                : self.surname(&random) + random.element(of: grandmotherNames)
        case .oneParent:
            // The parent who stayed at home is most often the mother.
            guardian = random.chance(0.75)
                ? self.surname(&random) + random.element(of: motherNames)
                : surname + random.element(of: fatherNames)
        case .no:
            guardian = random.chance(0.6)
                ? surname + random.element(of: fatherNames)
                : self.surname(&random) + random.element(of: motherNames)
        }
        return (surname + given, guardian)
    }

    /// `given·father's given name`, the way Uyghur names are written in Chinese.
    private static func minorityFamily(
        sex: Sex, leftBehind: LeftBehindStatus, random: inout SeededGenerator
    ) -> (child: String, guardian: String) {
        let father = random.element(of: minorityMaleNames)
        let grandfather = random.element(of: minorityMaleNames)
        let child = random.element(of: sex == .male ? minorityMaleNames : minorityFemaleNames) + "·" + father
        let guardian: String
        switch leftBehind {
        case .bothParents:
            guardian = grandfather + "·" + random.element(of: minorityMaleNames)
        case .oneParent, .no:
            guardian = random.chance(0.6)
                ? father + "·" + grandfather
                : random.element(of: minorityFemaleNames) + "·" + random.element(of: minorityMaleNames)
        }
        return (child, guardian)
    }

    /// A surname weighted towards the most common ones, with a few compound surnames.
    private static func surname(_ random: inout SeededGenerator) -> String {
        if random.chance(0.004) { return random.element(of: compoundSurnames) }
        return random.chance(0.45) ? random.element(of: commonSurnames) : random.element(of: otherSurnames)
    }
}
