// https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface VolcengineProviderConfig {
  /**
  * The Access Key for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#access_key VolcengineProvider#access_key}
  */
  readonly accessKey?: string;
  /**
  * CUSTOMER ENDPOINT SUFFIX for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#customer_endpoint_suffix VolcengineProvider#customer_endpoint_suffix}
  */
  readonly customerEndpointSuffix?: string;
  /**
  * CUSTOMER ENDPOINTS for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#customer_endpoints VolcengineProvider#customer_endpoints}
  */
  readonly customerEndpoints?: string;
  /**
  * CUSTOMER HEADERS for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#customer_headers VolcengineProvider#customer_headers}
  */
  readonly customerHeaders?: string;
  /**
  * Disable SSL for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#disable_ssl VolcengineProvider#disable_ssl}
  */
  readonly disableSsl?: boolean | cdktf.IResolvable;
  /**
  * ENABLE STANDARD ENDPOINT for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#enable_standard_endpoint VolcengineProvider#enable_standard_endpoint}
  */
  readonly enableStandardEndpoint?: boolean | cdktf.IResolvable;
  /**
  * The Customer Endpoint for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#endpoint VolcengineProvider#endpoint}
  */
  readonly endpoint?: string;
  /**
  * PROXY URL for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#proxy_url VolcengineProvider#proxy_url}
  */
  readonly proxyUrl?: string;
  /**
  * The Region for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#region VolcengineProvider#region}
  */
  readonly region: string;
  /**
  * The Secret Key for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#secret_key VolcengineProvider#secret_key}
  */
  readonly secretKey?: string;
  /**
  * The Session Token for Volcengine Provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#session_token VolcengineProvider#session_token}
  */
  readonly sessionToken?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#alias VolcengineProvider#alias}
  */
  readonly alias?: string;
  /**
  * assume_role block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#assume_role VolcengineProvider#assume_role}
  */
  readonly assumeRole?: VolcengineProviderAssumeRole;
  /**
  * assume_role_with_oidc block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#assume_role_with_oidc VolcengineProvider#assume_role_with_oidc}
  */
  readonly assumeRoleWithOidc?: VolcengineProviderAssumeRoleWithOidc;
}
export interface VolcengineProviderAssumeRole {
  /**
  * The session name to use when making the AssumeRole call.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#assume_role_session_name VolcengineProvider#assume_role_session_name}
  */
  readonly assumeRoleSessionName: string;
  /**
  * The TRN of the role to assume.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#assume_role_trn VolcengineProvider#assume_role_trn}
  */
  readonly assumeRoleTrn: string;
  /**
  * The duration of the session when making the AssumeRole call. Its value ranges from 900 to 43200(seconds), and default is 3600 seconds.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#duration_seconds VolcengineProvider#duration_seconds}
  */
  readonly durationSeconds?: number;
  /**
  * A more restrictive policy when making the AssumeRole call.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#policy VolcengineProvider#policy}
  */
  readonly policy?: string;
}

export function volcengineProviderAssumeRoleToTerraform(struct?: VolcengineProviderAssumeRole): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    assume_role_session_name: cdktf.stringToTerraform(struct!.assumeRoleSessionName),
    assume_role_trn: cdktf.stringToTerraform(struct!.assumeRoleTrn),
    duration_seconds: cdktf.numberToTerraform(struct!.durationSeconds),
    policy: cdktf.stringToTerraform(struct!.policy),
  }
}


export function volcengineProviderAssumeRoleToHclTerraform(struct?: VolcengineProviderAssumeRole): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    assume_role_session_name: {
      value: cdktf.stringToHclTerraform(struct!.assumeRoleSessionName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    assume_role_trn: {
      value: cdktf.stringToHclTerraform(struct!.assumeRoleTrn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    duration_seconds: {
      value: cdktf.numberToHclTerraform(struct!.durationSeconds),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    policy: {
      value: cdktf.stringToHclTerraform(struct!.policy),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export interface VolcengineProviderAssumeRoleWithOidc {
  /**
  * The duration of the session when making the AssumeRole call. Its value ranges from 900 to 43200(seconds), and default is 3600 seconds.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#duration_seconds VolcengineProvider#duration_seconds}
  */
  readonly durationSeconds?: number;
  /**
  * The OIDC token to use when making the AssumeRole call.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#oidc_token VolcengineProvider#oidc_token}
  */
  readonly oidcToken: string;
  /**
  * A more restrictive policy when making the AssumeRole call.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#policy VolcengineProvider#policy}
  */
  readonly policy?: string;
  /**
  * The session name to use when making the AssumeRole call.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#role_session_name VolcengineProvider#role_session_name}
  */
  readonly roleSessionName: string;
  /**
  * The TRN of the role to assume, in the format `trn:iam:${AccountId}:role/${RoleName}`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#role_trn VolcengineProvider#role_trn}
  */
  readonly roleTrn: string;
}

export function volcengineProviderAssumeRoleWithOidcToTerraform(struct?: VolcengineProviderAssumeRoleWithOidc): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    duration_seconds: cdktf.numberToTerraform(struct!.durationSeconds),
    oidc_token: cdktf.stringToTerraform(struct!.oidcToken),
    policy: cdktf.stringToTerraform(struct!.policy),
    role_session_name: cdktf.stringToTerraform(struct!.roleSessionName),
    role_trn: cdktf.stringToTerraform(struct!.roleTrn),
  }
}


export function volcengineProviderAssumeRoleWithOidcToHclTerraform(struct?: VolcengineProviderAssumeRoleWithOidc): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    duration_seconds: {
      value: cdktf.numberToHclTerraform(struct!.durationSeconds),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    oidc_token: {
      value: cdktf.stringToHclTerraform(struct!.oidcToken),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    policy: {
      value: cdktf.stringToHclTerraform(struct!.policy),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    role_session_name: {
      value: cdktf.stringToHclTerraform(struct!.roleSessionName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    role_trn: {
      value: cdktf.stringToHclTerraform(struct!.roleTrn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}


/**
* Represents a {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs volcengine}
*/
export class VolcengineProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "volcengine";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a VolcengineProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the VolcengineProvider to import
  * @param importFromId The id of the existing VolcengineProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the VolcengineProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "volcengine", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/volcengine/volcengine/0.0.196/docs volcengine} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options VolcengineProviderConfig
  */
  public constructor(scope: Construct, id: string, config: VolcengineProviderConfig) {
    super(scope, id, {
      terraformResourceType: 'volcengine',
      terraformGeneratorMetadata: {
        providerName: 'volcengine',
        providerVersion: '0.0.196'
      },
      terraformProviderSource: 'registry.terraform.io/volcengine/volcengine'
    });
    this._accessKey = config.accessKey;
    this._customerEndpointSuffix = config.customerEndpointSuffix;
    this._customerEndpoints = config.customerEndpoints;
    this._customerHeaders = config.customerHeaders;
    this._disableSsl = config.disableSsl;
    this._enableStandardEndpoint = config.enableStandardEndpoint;
    this._endpoint = config.endpoint;
    this._proxyUrl = config.proxyUrl;
    this._region = config.region;
    this._secretKey = config.secretKey;
    this._sessionToken = config.sessionToken;
    this._alias = config.alias;
    this._assumeRole = config.assumeRole;
    this._assumeRoleWithOidc = config.assumeRoleWithOidc;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // access_key - computed: false, optional: true, required: false
  private _accessKey?: string; 
  public get accessKey() {
    return this._accessKey;
  }
  public set accessKey(value: string | undefined) {
    this._accessKey = value;
  }
  public resetAccessKey() {
    this._accessKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accessKeyInput() {
    return this._accessKey;
  }

  // customer_endpoint_suffix - computed: false, optional: true, required: false
  private _customerEndpointSuffix?: string; 
  public get customerEndpointSuffix() {
    return this._customerEndpointSuffix;
  }
  public set customerEndpointSuffix(value: string | undefined) {
    this._customerEndpointSuffix = value;
  }
  public resetCustomerEndpointSuffix() {
    this._customerEndpointSuffix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get customerEndpointSuffixInput() {
    return this._customerEndpointSuffix;
  }

  // customer_endpoints - computed: false, optional: true, required: false
  private _customerEndpoints?: string; 
  public get customerEndpoints() {
    return this._customerEndpoints;
  }
  public set customerEndpoints(value: string | undefined) {
    this._customerEndpoints = value;
  }
  public resetCustomerEndpoints() {
    this._customerEndpoints = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get customerEndpointsInput() {
    return this._customerEndpoints;
  }

  // customer_headers - computed: false, optional: true, required: false
  private _customerHeaders?: string; 
  public get customerHeaders() {
    return this._customerHeaders;
  }
  public set customerHeaders(value: string | undefined) {
    this._customerHeaders = value;
  }
  public resetCustomerHeaders() {
    this._customerHeaders = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get customerHeadersInput() {
    return this._customerHeaders;
  }

  // disable_ssl - computed: false, optional: true, required: false
  private _disableSsl?: boolean | cdktf.IResolvable; 
  public get disableSsl() {
    return this._disableSsl;
  }
  public set disableSsl(value: boolean | cdktf.IResolvable | undefined) {
    this._disableSsl = value;
  }
  public resetDisableSsl() {
    this._disableSsl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disableSslInput() {
    return this._disableSsl;
  }

  // enable_standard_endpoint - computed: false, optional: true, required: false
  private _enableStandardEndpoint?: boolean | cdktf.IResolvable; 
  public get enableStandardEndpoint() {
    return this._enableStandardEndpoint;
  }
  public set enableStandardEndpoint(value: boolean | cdktf.IResolvable | undefined) {
    this._enableStandardEndpoint = value;
  }
  public resetEnableStandardEndpoint() {
    this._enableStandardEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableStandardEndpointInput() {
    return this._enableStandardEndpoint;
  }

  // endpoint - computed: false, optional: true, required: false
  private _endpoint?: string; 
  public get endpoint() {
    return this._endpoint;
  }
  public set endpoint(value: string | undefined) {
    this._endpoint = value;
  }
  public resetEndpoint() {
    this._endpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointInput() {
    return this._endpoint;
  }

  // proxy_url - computed: false, optional: true, required: false
  private _proxyUrl?: string; 
  public get proxyUrl() {
    return this._proxyUrl;
  }
  public set proxyUrl(value: string | undefined) {
    this._proxyUrl = value;
  }
  public resetProxyUrl() {
    this._proxyUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get proxyUrlInput() {
    return this._proxyUrl;
  }

  // region - computed: false, optional: false, required: true
  private _region?: string; 
  public get region() {
    return this._region;
  }
  public set region(value: string | undefined) {
    this._region = value;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // secret_key - computed: false, optional: true, required: false
  private _secretKey?: string; 
  public get secretKey() {
    return this._secretKey;
  }
  public set secretKey(value: string | undefined) {
    this._secretKey = value;
  }
  public resetSecretKey() {
    this._secretKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretKeyInput() {
    return this._secretKey;
  }

  // session_token - computed: false, optional: true, required: false
  private _sessionToken?: string; 
  public get sessionToken() {
    return this._sessionToken;
  }
  public set sessionToken(value: string | undefined) {
    this._sessionToken = value;
  }
  public resetSessionToken() {
    this._sessionToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sessionTokenInput() {
    return this._sessionToken;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // assume_role - computed: false, optional: true, required: false
  private _assumeRole?: VolcengineProviderAssumeRole; 
  public get assumeRole() {
    return this._assumeRole;
  }
  public set assumeRole(value: VolcengineProviderAssumeRole | undefined) {
    this._assumeRole = value;
  }
  public resetAssumeRole() {
    this._assumeRole = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get assumeRoleInput() {
    return this._assumeRole;
  }

  // assume_role_with_oidc - computed: false, optional: true, required: false
  private _assumeRoleWithOidc?: VolcengineProviderAssumeRoleWithOidc; 
  public get assumeRoleWithOidc() {
    return this._assumeRoleWithOidc;
  }
  public set assumeRoleWithOidc(value: VolcengineProviderAssumeRoleWithOidc | undefined) {
    this._assumeRoleWithOidc = value;
  }
  public resetAssumeRoleWithOidc() {
    this._assumeRoleWithOidc = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get assumeRoleWithOidcInput() {
    return this._assumeRoleWithOidc;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      access_key: cdktf.stringToTerraform(this._accessKey),
      customer_endpoint_suffix: cdktf.stringToTerraform(this._customerEndpointSuffix),
      customer_endpoints: cdktf.stringToTerraform(this._customerEndpoints),
      customer_headers: cdktf.stringToTerraform(this._customerHeaders),
      disable_ssl: cdktf.booleanToTerraform(this._disableSsl),
      enable_standard_endpoint: cdktf.booleanToTerraform(this._enableStandardEndpoint),
      endpoint: cdktf.stringToTerraform(this._endpoint),
      proxy_url: cdktf.stringToTerraform(this._proxyUrl),
      region: cdktf.stringToTerraform(this._region),
      secret_key: cdktf.stringToTerraform(this._secretKey),
      session_token: cdktf.stringToTerraform(this._sessionToken),
      alias: cdktf.stringToTerraform(this._alias),
      assume_role: volcengineProviderAssumeRoleToTerraform(this._assumeRole),
      assume_role_with_oidc: volcengineProviderAssumeRoleWithOidcToTerraform(this._assumeRoleWithOidc),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      access_key: {
        value: cdktf.stringToHclTerraform(this._accessKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      customer_endpoint_suffix: {
        value: cdktf.stringToHclTerraform(this._customerEndpointSuffix),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      customer_endpoints: {
        value: cdktf.stringToHclTerraform(this._customerEndpoints),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      customer_headers: {
        value: cdktf.stringToHclTerraform(this._customerHeaders),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      disable_ssl: {
        value: cdktf.booleanToHclTerraform(this._disableSsl),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      enable_standard_endpoint: {
        value: cdktf.booleanToHclTerraform(this._enableStandardEndpoint),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      endpoint: {
        value: cdktf.stringToHclTerraform(this._endpoint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      proxy_url: {
        value: cdktf.stringToHclTerraform(this._proxyUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      region: {
        value: cdktf.stringToHclTerraform(this._region),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      secret_key: {
        value: cdktf.stringToHclTerraform(this._secretKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      session_token: {
        value: cdktf.stringToHclTerraform(this._sessionToken),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      assume_role: {
        value: volcengineProviderAssumeRoleToHclTerraform(this._assumeRole),
        isBlock: true,
        type: "list",
        storageClassType: "VolcengineProviderAssumeRoleList",
      },
      assume_role_with_oidc: {
        value: volcengineProviderAssumeRoleWithOidcToHclTerraform(this._assumeRoleWithOidc),
        isBlock: true,
        type: "list",
        storageClassType: "VolcengineProviderAssumeRoleWithOidcList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
