import ArgumentParser
import BaoxueCSV
import BaoxueContracts
import Foundation

/// Runs one operation, turning service errors into a ``CommandFailure`` in the caller's language.
func perform<T>(_ options: GlobalOptions, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ServiceError {
        throw CommandFailure(error, language: options.language)
    }
}

/// Reads a form, turning its refusal into a ``CommandFailure`` (exit 2 for invalid input, as
/// HTTP answers 400).
func checked<T>(_ options: GlobalOptions, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ServiceError {
        throw CommandFailure(error, language: options.language)
    }
}

/// What every `… import FILE` command does: read the file, import it with a progress bar, print
/// the report; exit 1 when not a single row could be imported. `body` reads the rest of `file`
/// (encoding, sheet, extra columns) itself.
func runImport(_ file: ImportFileArguments, options: GlobalOptions, label: String, _ body: (Operations, Actor, Data, @escaping ImportProgress) async throws -> ImportOutcome) async throws {
    try await runImport(path: file.file, options: options, label: label, body)
}

/// The same for a file named by an option (`student change --batch FILE`).
func runImport(path: String, options: GlobalOptions, label: String, _ body: (Operations, Actor, Data, @escaping ImportProgress) async throws -> ImportOutcome) async throws {
    let data = try FileArgument.read(path, options: options)
    let session = try await options.session()
    let outcome = try await perform(options) { try await body(session.operations, session.actor, data, ProgressBar(label: label).update) }
    try options.emit(outcome) { outcome.text(options.language) }
    if !outcome.report.rejected.isEmpty && outcome.report.total == outcome.report.rejected.count { throw ExitCode(1) }
}
