import CLI
import Foundation

umask(0o077)  // the portfolio holds personal data: files we create are the owner's only
Proeftuin.runReportingErrors()  // errors in the user's language
