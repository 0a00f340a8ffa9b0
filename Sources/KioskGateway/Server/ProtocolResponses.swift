import Hummingbird
import KioskProtocol

// The device API's response bodies, encoded with the context's ``ProtocolCoding`` encoder.
extension CertificateResponse: ResponseEncodable {}
extension HeartbeatResponse: ResponseEncodable {}
extension ChangePage: ResponseEncodable {}
extension SnapshotPage: ResponseEncodable {}
extension SubmissionResults: ResponseEncodable {}
extension DeviceConfigDocument: ResponseEncodable {}
