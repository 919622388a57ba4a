import Contracts
public import Foundation
public import Hummingbird

/// Reading and writing JSON bodies with the services' problems: a body that is too large is
/// 413, one that is not the expected JSON is 400 naming the field. (That it is declared
/// `application/json` at all is checked for every API write by `JSONOnlyMiddleware`.)
public enum JSONBody {
    /// Decodes the body as `T`.
    public static func decode<T: Decodable>(
        _ type: T.Type,
        from request: Request,
        context: some RequestContext
    )
        async throws -> T
    {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw Problem.bodyTooLarge(limit: context.maxUploadSize)
        }
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw Problem.malformedJSON(DecodingDetail.describe(error))
        }
    }

    /// Whether a `Content-Type` is `application/json` (parameters such as a charset allowed).
    public static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        return mediaType == "application/json"
    }

    /// A JSON response with `value`.
    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
