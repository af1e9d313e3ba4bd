/** The part of the docusign-esign SDK (eSignature REST v2.1, CommonJS, untyped) the adapter uses. */
declare module 'docusign-esign' {
  interface SdkResponse<T> {
    body: T;
  }
  class ApiClient {
    setBasePath(basePath: string): void;
    setOAuthBasePath(oauthBasePath: string): void;
    addDefaultHeader(name: string, value: string): void;
    requestJWTUserToken(
      clientId: string,
      userId: string,
      scopes: string[],
      rsaPrivateKey: string | Buffer,
      expiresIn: number,
    ): Promise<SdkResponse<{ access_token: string; token_type: string; expires_in: number }>>;
  }
  class EnvelopesApi {
    constructor(client: ApiClient);
    createEnvelope(
      accountId: string,
      options: { envelopeDefinition: EnvelopeDefinition },
    ): Promise<{ envelopeId?: string; status?: string; statusDateTime?: string; uri?: string }>;
  }
  interface EnvelopeDefinition {
    readonly status?: string;
  }
  const EnvelopeDefinition: { constructFromObject(data: object): EnvelopeDefinition };
  const docusign: {
    ApiClient: typeof ApiClient;
    EnvelopesApi: typeof EnvelopesApi;
    EnvelopeDefinition: typeof EnvelopeDefinition;
  };
  export default docusign;
}
