/// The version of this build of Baoxue, shown by `service.status`, `/healthz` and `--version`:
/// one place, so the services and the gateway cannot disagree.
public enum BaoxueVersion {
    public static let current = "0.1.0"
}
