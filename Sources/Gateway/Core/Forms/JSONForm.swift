/// A form that arrives as a JSON body: the fields it knows, so an unknown one (a typo) is refused
/// rather than dropped.
protocol JSONForm: Decodable {
    static var fields: Set<String> { get }
}
