import Contracts
import Foundation
import ReferralIndex
import Testing

@Suite struct SubjectKeyTests {
    @Test func theKeyIsHMACSHA256OfTheBSNUnderTheSecret() throws {
        // python3 -c "import hmac,hashlib; print(hmac.new(b'0123456789abcdef0123456789abcdef', b'123456782', hashlib.sha256).hexdigest())"
        #expect(Examples.key("123456782").description == "d78093b2d73e55b7c03f9963eef11e465f35bdba91d9fcff8738124a0a49a02d")
    }

    @Test func theSameBSNGivesTheSameKeyAndTheSeparatorsDoNotMatter() throws {
        #expect(Examples.key("123456782") == Examples.key("1234.56.782"))
        #expect(Examples.key("123456782") != Examples.key("100000009"))
    }

    @Test func anotherSecretGivesAnotherKey() throws {
        let other = try #require(SubjectKeyer(secret: Data("another-secret-of-thirty-two-chars!".utf8)))
        #expect(other.key(of: try BSN("123456782")) != Examples.key("123456782"))
    }

    @Test func aShortSecretIsRefused() {
        #expect(SubjectKeyer(secret: Data("too-short".utf8)) == nil)
    }

    @Test func theKeyDoesNotContainTheBSN() {
        #expect(!Examples.key("123456782").description.contains("123456782"))
    }
}
