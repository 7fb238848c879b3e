/// A closed list of the care service (a parent's situation, a guardian's relation, an activity's
/// kind): an English code on the wire, a Chinese label for people, either accepted on input,
/// exactly as the case vocabularies are read (``CaseVocabulary``).
public protocol CareVocabulary: CaseVocabulary {}
