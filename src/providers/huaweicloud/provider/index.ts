// https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface HuaweicloudProviderConfig {
  /**
  * The access key of the HuaweiCloud to use.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#access_key HuaweicloudProvider#access_key}
  */
  readonly accessKey?: string;
  /**
  * The name of domain who created the agency (Identity v3).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#agency_domain_name HuaweicloudProvider#agency_domain_name}
  */
  readonly agencyDomainName?: string;
  /**
  * The name of agency
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#agency_name HuaweicloudProvider#agency_name}
  */
  readonly agencyName?: string;
  /**
  * The Identity authentication URL.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#auth_url HuaweicloudProvider#auth_url}
  */
  readonly authUrl?: string;
  /**
  * A Custom CA certificate.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#cacert_file HuaweicloudProvider#cacert_file}
  */
  readonly cacertFile?: string;
  /**
  * A client certificate to authenticate with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#cert HuaweicloudProvider#cert}
  */
  readonly cert?: string;
  /**
  * The endpoint of cloud provider, defaults to myhuaweicloud.com
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#cloud HuaweicloudProvider#cloud}
  */
  readonly cloud?: string;
  /**
  * The default tags of resources managed by this provider
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#default_tags HuaweicloudProvider#default_tags}
  */
  readonly defaultTags?: { [key: string]: string };
  /**
  * The name of delegated project (Identity v3).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#delegated_project HuaweicloudProvider#delegated_project}
  */
  readonly delegatedProject?: string;
  /**
  * The ID of the Domain to scope to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#domain_id HuaweicloudProvider#domain_id}
  */
  readonly domainId?: string;
  /**
  * The name of the Domain to scope to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#domain_name HuaweicloudProvider#domain_name}
  */
  readonly domainName?: string;
  /**
  * Whether to enable ForceNew
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#enable_force_new HuaweicloudProvider#enable_force_new}
  */
  readonly enableForceNew?: boolean | cdktf.IResolvable;
  /**
  * The custom endpoints used to override the default endpoint URL.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#endpoints HuaweicloudProvider#endpoints}
  */
  readonly endpoints?: { [key: string]: string };
  /**
  * enterprise project id
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#enterprise_project_id HuaweicloudProvider#enterprise_project_id}
  */
  readonly enterpriseProjectId?: string;
  /**
  * The ignored tag keys of resources managed by this provider.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#ignore_tags HuaweicloudProvider#ignore_tags}
  */
  readonly ignoreTags?: string[];
  /**
  * Trust self-signed certificates.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#insecure HuaweicloudProvider#insecure}
  */
  readonly insecure?: boolean | cdktf.IResolvable;
  /**
  * A client private key to authenticate with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#key HuaweicloudProvider#key}
  */
  readonly key?: string;
  /**
  * How many times HTTP connection should be retried until giving up.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#max_retries HuaweicloudProvider#max_retries}
  */
  readonly maxRetries?: number;
  /**
  * Password to login with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#password HuaweicloudProvider#password}
  */
  readonly password?: string;
  /**
  * The profile name as set in the shared config file.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#profile HuaweicloudProvider#profile}
  */
  readonly profile?: string;
  /**
  * The ID of the project to login with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#project_id HuaweicloudProvider#project_id}
  */
  readonly projectId?: string;
  /**
  * The name of the project to login with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#project_name HuaweicloudProvider#project_name}
  */
  readonly projectName?: string;
  /**
  * The HuaweiCloud region to connect to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#region HuaweicloudProvider#region}
  */
  readonly region?: string;
  /**
  * Whether the service endpoints are regional
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#regional HuaweicloudProvider#regional}
  */
  readonly regional?: boolean | cdktf.IResolvable;
  /**
  * The secret key of the HuaweiCloud to use.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#secret_key HuaweicloudProvider#secret_key}
  */
  readonly secretKey?: string;
  /**
  * The security token to authenticate with a temporary security credential.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#security_token HuaweicloudProvider#security_token}
  */
  readonly securityToken?: string;
  /**
  * The path to the shared config file. If not set, the default is ~/.hcloud/config.json.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#shared_config_file HuaweicloudProvider#shared_config_file}
  */
  readonly sharedConfigFile?: string;
  /**
  * The signing algorithm for authentication
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#signing_algorithm HuaweicloudProvider#signing_algorithm}
  */
  readonly signingAlgorithm?: string;
  /**
  * Whether to skip upgrade check
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#skip_check_upgrade HuaweicloudProvider#skip_check_upgrade}
  */
  readonly skipCheckUpgrade?: boolean | cdktf.IResolvable;
  /**
  * Whether to skip website type check
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#skip_check_website_type HuaweicloudProvider#skip_check_website_type}
  */
  readonly skipCheckWebsiteType?: boolean | cdktf.IResolvable;
  /**
  * The ID of the Tenant (Identity v2) to login with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#tenant_id HuaweicloudProvider#tenant_id}
  */
  readonly tenantId?: string;
  /**
  * The name of the Tenant (Identity v2) to login with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#tenant_name HuaweicloudProvider#tenant_name}
  */
  readonly tenantName?: string;
  /**
  * Authentication token to use as an alternative to username/password.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#token HuaweicloudProvider#token}
  */
  readonly token?: string;
  /**
  * User ID to login with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#user_id HuaweicloudProvider#user_id}
  */
  readonly userId?: string;
  /**
  * Username to login with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#user_name HuaweicloudProvider#user_name}
  */
  readonly userName?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#alias HuaweicloudProvider#alias}
  */
  readonly alias?: string;
  /**
  * assume_role block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#assume_role HuaweicloudProvider#assume_role}
  */
  readonly assumeRole?: HuaweicloudProviderAssumeRole[] | cdktf.IResolvable;
  /**
  * assume_role_with_oidc block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#assume_role_with_oidc HuaweicloudProvider#assume_role_with_oidc}
  */
  readonly assumeRoleWithOidc?: HuaweicloudProviderAssumeRoleWithOidc;
}
export interface HuaweicloudProviderAssumeRole {
  /**
  * The name of agency for assume role.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#agency_name HuaweicloudProvider#agency_name}
  */
  readonly agencyName: string;
  /**
  * The id of domain for v5 assume role.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#domain_id HuaweicloudProvider#domain_id}
  */
  readonly domainId?: string;
  /**
  * The name of domain for assume role.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#domain_name HuaweicloudProvider#domain_name}
  */
  readonly domainName?: string;
  /**
  * The duration for v5 assume role.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#duration HuaweicloudProvider#duration}
  */
  readonly duration?: number;
}

export function huaweicloudProviderAssumeRoleToTerraform(struct?: HuaweicloudProviderAssumeRole | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    agency_name: cdktf.stringToTerraform(struct!.agencyName),
    domain_id: cdktf.stringToTerraform(struct!.domainId),
    domain_name: cdktf.stringToTerraform(struct!.domainName),
    duration: cdktf.numberToTerraform(struct!.duration),
  }
}


export function huaweicloudProviderAssumeRoleToHclTerraform(struct?: HuaweicloudProviderAssumeRole | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    agency_name: {
      value: cdktf.stringToHclTerraform(struct!.agencyName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    domain_id: {
      value: cdktf.stringToHclTerraform(struct!.domainId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    domain_name: {
      value: cdktf.stringToHclTerraform(struct!.domainName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    duration: {
      value: cdktf.numberToHclTerraform(struct!.duration),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export interface HuaweicloudProviderAssumeRoleWithOidc {
  /**
  * The name of agency for assume role.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#agency_name HuaweicloudProvider#agency_name}
  */
  readonly agencyName: string;
  /**
  * The id of domain for v5 assume role.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#domain_id HuaweicloudProvider#domain_id}
  */
  readonly domainId: string;
  /**
  * The duration for v5 assume role.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#duration HuaweicloudProvider#duration}
  */
  readonly duration?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#id_token HuaweicloudProvider#id_token}
  */
  readonly idToken?: string;
  /**
  * The file path of Id token that is issued by the external IdP.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#id_token_file HuaweicloudProvider#id_token_file}
  */
  readonly idTokenFile?: string;
  /**
  * The ID of the external IdP.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#idp_id HuaweicloudProvider#idp_id}
  */
  readonly idpId: string;
}

export function huaweicloudProviderAssumeRoleWithOidcToTerraform(struct?: HuaweicloudProviderAssumeRoleWithOidc): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    agency_name: cdktf.stringToTerraform(struct!.agencyName),
    domain_id: cdktf.stringToTerraform(struct!.domainId),
    duration: cdktf.numberToTerraform(struct!.duration),
    id_token: cdktf.stringToTerraform(struct!.idToken),
    id_token_file: cdktf.stringToTerraform(struct!.idTokenFile),
    idp_id: cdktf.stringToTerraform(struct!.idpId),
  }
}


export function huaweicloudProviderAssumeRoleWithOidcToHclTerraform(struct?: HuaweicloudProviderAssumeRoleWithOidc): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    agency_name: {
      value: cdktf.stringToHclTerraform(struct!.agencyName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    domain_id: {
      value: cdktf.stringToHclTerraform(struct!.domainId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    duration: {
      value: cdktf.numberToHclTerraform(struct!.duration),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    id_token: {
      value: cdktf.stringToHclTerraform(struct!.idToken),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    id_token_file: {
      value: cdktf.stringToHclTerraform(struct!.idTokenFile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    idp_id: {
      value: cdktf.stringToHclTerraform(struct!.idpId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}


/**
* Represents a {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs huaweicloud}
*/
export class HuaweicloudProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "huaweicloud";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a HuaweicloudProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the HuaweicloudProvider to import
  * @param importFromId The id of the existing HuaweicloudProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the HuaweicloudProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "huaweicloud", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs huaweicloud} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options HuaweicloudProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: HuaweicloudProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'huaweicloud',
      terraformGeneratorMetadata: {
        providerName: 'huaweicloud',
        providerVersion: '1.97.1'
      },
      terraformProviderSource: 'registry.terraform.io/huaweicloud/huaweicloud'
    });
    this._accessKey = config.accessKey;
    this._agencyDomainName = config.agencyDomainName;
    this._agencyName = config.agencyName;
    this._authUrl = config.authUrl;
    this._cacertFile = config.cacertFile;
    this._cert = config.cert;
    this._cloud = config.cloud;
    this._defaultTags = config.defaultTags;
    this._delegatedProject = config.delegatedProject;
    this._domainId = config.domainId;
    this._domainName = config.domainName;
    this._enableForceNew = config.enableForceNew;
    this._endpoints = config.endpoints;
    this._enterpriseProjectId = config.enterpriseProjectId;
    this._ignoreTags = config.ignoreTags;
    this._insecure = config.insecure;
    this._key = config.key;
    this._maxRetries = config.maxRetries;
    this._password = config.password;
    this._profile = config.profile;
    this._projectId = config.projectId;
    this._projectName = config.projectName;
    this._region = config.region;
    this._regional = config.regional;
    this._secretKey = config.secretKey;
    this._securityToken = config.securityToken;
    this._sharedConfigFile = config.sharedConfigFile;
    this._signingAlgorithm = config.signingAlgorithm;
    this._skipCheckUpgrade = config.skipCheckUpgrade;
    this._skipCheckWebsiteType = config.skipCheckWebsiteType;
    this._tenantId = config.tenantId;
    this._tenantName = config.tenantName;
    this._token = config.token;
    this._userId = config.userId;
    this._userName = config.userName;
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

  // agency_domain_name - computed: false, optional: true, required: false
  private _agencyDomainName?: string; 
  public get agencyDomainName() {
    return this._agencyDomainName;
  }
  public set agencyDomainName(value: string | undefined) {
    this._agencyDomainName = value;
  }
  public resetAgencyDomainName() {
    this._agencyDomainName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agencyDomainNameInput() {
    return this._agencyDomainName;
  }

  // agency_name - computed: false, optional: true, required: false
  private _agencyName?: string; 
  public get agencyName() {
    return this._agencyName;
  }
  public set agencyName(value: string | undefined) {
    this._agencyName = value;
  }
  public resetAgencyName() {
    this._agencyName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agencyNameInput() {
    return this._agencyName;
  }

  // auth_url - computed: false, optional: true, required: false
  private _authUrl?: string; 
  public get authUrl() {
    return this._authUrl;
  }
  public set authUrl(value: string | undefined) {
    this._authUrl = value;
  }
  public resetAuthUrl() {
    this._authUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authUrlInput() {
    return this._authUrl;
  }

  // cacert_file - computed: false, optional: true, required: false
  private _cacertFile?: string; 
  public get cacertFile() {
    return this._cacertFile;
  }
  public set cacertFile(value: string | undefined) {
    this._cacertFile = value;
  }
  public resetCacertFile() {
    this._cacertFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacertFileInput() {
    return this._cacertFile;
  }

  // cert - computed: false, optional: true, required: false
  private _cert?: string; 
  public get cert() {
    return this._cert;
  }
  public set cert(value: string | undefined) {
    this._cert = value;
  }
  public resetCert() {
    this._cert = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get certInput() {
    return this._cert;
  }

  // cloud - computed: false, optional: true, required: false
  private _cloud?: string; 
  public get cloud() {
    return this._cloud;
  }
  public set cloud(value: string | undefined) {
    this._cloud = value;
  }
  public resetCloud() {
    this._cloud = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cloudInput() {
    return this._cloud;
  }

  // default_tags - computed: false, optional: true, required: false
  private _defaultTags?: { [key: string]: string }; 
  public get defaultTags() {
    return this._defaultTags;
  }
  public set defaultTags(value: { [key: string]: string } | undefined) {
    this._defaultTags = value;
  }
  public resetDefaultTags() {
    this._defaultTags = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultTagsInput() {
    return this._defaultTags;
  }

  // delegated_project - computed: false, optional: true, required: false
  private _delegatedProject?: string; 
  public get delegatedProject() {
    return this._delegatedProject;
  }
  public set delegatedProject(value: string | undefined) {
    this._delegatedProject = value;
  }
  public resetDelegatedProject() {
    this._delegatedProject = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get delegatedProjectInput() {
    return this._delegatedProject;
  }

  // domain_id - computed: false, optional: true, required: false
  private _domainId?: string; 
  public get domainId() {
    return this._domainId;
  }
  public set domainId(value: string | undefined) {
    this._domainId = value;
  }
  public resetDomainId() {
    this._domainId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get domainIdInput() {
    return this._domainId;
  }

  // domain_name - computed: false, optional: true, required: false
  private _domainName?: string; 
  public get domainName() {
    return this._domainName;
  }
  public set domainName(value: string | undefined) {
    this._domainName = value;
  }
  public resetDomainName() {
    this._domainName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get domainNameInput() {
    return this._domainName;
  }

  // enable_force_new - computed: false, optional: true, required: false
  private _enableForceNew?: boolean | cdktf.IResolvable; 
  public get enableForceNew() {
    return this._enableForceNew;
  }
  public set enableForceNew(value: boolean | cdktf.IResolvable | undefined) {
    this._enableForceNew = value;
  }
  public resetEnableForceNew() {
    this._enableForceNew = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableForceNewInput() {
    return this._enableForceNew;
  }

  // endpoints - computed: false, optional: true, required: false
  private _endpoints?: { [key: string]: string }; 
  public get endpoints() {
    return this._endpoints;
  }
  public set endpoints(value: { [key: string]: string } | undefined) {
    this._endpoints = value;
  }
  public resetEndpoints() {
    this._endpoints = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointsInput() {
    return this._endpoints;
  }

  // enterprise_project_id - computed: false, optional: true, required: false
  private _enterpriseProjectId?: string; 
  public get enterpriseProjectId() {
    return this._enterpriseProjectId;
  }
  public set enterpriseProjectId(value: string | undefined) {
    this._enterpriseProjectId = value;
  }
  public resetEnterpriseProjectId() {
    this._enterpriseProjectId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enterpriseProjectIdInput() {
    return this._enterpriseProjectId;
  }

  // ignore_tags - computed: false, optional: true, required: false
  private _ignoreTags?: string[]; 
  public get ignoreTags() {
    return this._ignoreTags;
  }
  public set ignoreTags(value: string[] | undefined) {
    this._ignoreTags = value;
  }
  public resetIgnoreTags() {
    this._ignoreTags = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ignoreTagsInput() {
    return this._ignoreTags;
  }

  // insecure - computed: false, optional: true, required: false
  private _insecure?: boolean | cdktf.IResolvable; 
  public get insecure() {
    return this._insecure;
  }
  public set insecure(value: boolean | cdktf.IResolvable | undefined) {
    this._insecure = value;
  }
  public resetInsecure() {
    this._insecure = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get insecureInput() {
    return this._insecure;
  }

  // key - computed: false, optional: true, required: false
  private _key?: string; 
  public get key() {
    return this._key;
  }
  public set key(value: string | undefined) {
    this._key = value;
  }
  public resetKey() {
    this._key = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyInput() {
    return this._key;
  }

  // max_retries - computed: false, optional: true, required: false
  private _maxRetries?: number; 
  public get maxRetries() {
    return this._maxRetries;
  }
  public set maxRetries(value: number | undefined) {
    this._maxRetries = value;
  }
  public resetMaxRetries() {
    this._maxRetries = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxRetriesInput() {
    return this._maxRetries;
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this._password;
  }
  public set password(value: string | undefined) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // profile - computed: false, optional: true, required: false
  private _profile?: string; 
  public get profile() {
    return this._profile;
  }
  public set profile(value: string | undefined) {
    this._profile = value;
  }
  public resetProfile() {
    this._profile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get profileInput() {
    return this._profile;
  }

  // project_id - computed: false, optional: true, required: false
  private _projectId?: string; 
  public get projectId() {
    return this._projectId;
  }
  public set projectId(value: string | undefined) {
    this._projectId = value;
  }
  public resetProjectId() {
    this._projectId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get projectIdInput() {
    return this._projectId;
  }

  // project_name - computed: false, optional: true, required: false
  private _projectName?: string; 
  public get projectName() {
    return this._projectName;
  }
  public set projectName(value: string | undefined) {
    this._projectName = value;
  }
  public resetProjectName() {
    this._projectName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get projectNameInput() {
    return this._projectName;
  }

  // region - computed: false, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this._region;
  }
  public set region(value: string | undefined) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // regional - computed: false, optional: true, required: false
  private _regional?: boolean | cdktf.IResolvable; 
  public get regional() {
    return this._regional;
  }
  public set regional(value: boolean | cdktf.IResolvable | undefined) {
    this._regional = value;
  }
  public resetRegional() {
    this._regional = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionalInput() {
    return this._regional;
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

  // security_token - computed: false, optional: true, required: false
  private _securityToken?: string; 
  public get securityToken() {
    return this._securityToken;
  }
  public set securityToken(value: string | undefined) {
    this._securityToken = value;
  }
  public resetSecurityToken() {
    this._securityToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get securityTokenInput() {
    return this._securityToken;
  }

  // shared_config_file - computed: false, optional: true, required: false
  private _sharedConfigFile?: string; 
  public get sharedConfigFile() {
    return this._sharedConfigFile;
  }
  public set sharedConfigFile(value: string | undefined) {
    this._sharedConfigFile = value;
  }
  public resetSharedConfigFile() {
    this._sharedConfigFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sharedConfigFileInput() {
    return this._sharedConfigFile;
  }

  // signing_algorithm - computed: false, optional: true, required: false
  private _signingAlgorithm?: string; 
  public get signingAlgorithm() {
    return this._signingAlgorithm;
  }
  public set signingAlgorithm(value: string | undefined) {
    this._signingAlgorithm = value;
  }
  public resetSigningAlgorithm() {
    this._signingAlgorithm = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get signingAlgorithmInput() {
    return this._signingAlgorithm;
  }

  // skip_check_upgrade - computed: false, optional: true, required: false
  private _skipCheckUpgrade?: boolean | cdktf.IResolvable; 
  public get skipCheckUpgrade() {
    return this._skipCheckUpgrade;
  }
  public set skipCheckUpgrade(value: boolean | cdktf.IResolvable | undefined) {
    this._skipCheckUpgrade = value;
  }
  public resetSkipCheckUpgrade() {
    this._skipCheckUpgrade = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get skipCheckUpgradeInput() {
    return this._skipCheckUpgrade;
  }

  // skip_check_website_type - computed: false, optional: true, required: false
  private _skipCheckWebsiteType?: boolean | cdktf.IResolvable; 
  public get skipCheckWebsiteType() {
    return this._skipCheckWebsiteType;
  }
  public set skipCheckWebsiteType(value: boolean | cdktf.IResolvable | undefined) {
    this._skipCheckWebsiteType = value;
  }
  public resetSkipCheckWebsiteType() {
    this._skipCheckWebsiteType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get skipCheckWebsiteTypeInput() {
    return this._skipCheckWebsiteType;
  }

  // tenant_id - computed: false, optional: true, required: false
  private _tenantId?: string; 
  public get tenantId() {
    return this._tenantId;
  }
  public set tenantId(value: string | undefined) {
    this._tenantId = value;
  }
  public resetTenantId() {
    this._tenantId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tenantIdInput() {
    return this._tenantId;
  }

  // tenant_name - computed: false, optional: true, required: false
  private _tenantName?: string; 
  public get tenantName() {
    return this._tenantName;
  }
  public set tenantName(value: string | undefined) {
    this._tenantName = value;
  }
  public resetTenantName() {
    this._tenantName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tenantNameInput() {
    return this._tenantName;
  }

  // token - computed: false, optional: true, required: false
  private _token?: string; 
  public get token() {
    return this._token;
  }
  public set token(value: string | undefined) {
    this._token = value;
  }
  public resetToken() {
    this._token = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenInput() {
    return this._token;
  }

  // user_id - computed: false, optional: true, required: false
  private _userId?: string; 
  public get userId() {
    return this._userId;
  }
  public set userId(value: string | undefined) {
    this._userId = value;
  }
  public resetUserId() {
    this._userId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userIdInput() {
    return this._userId;
  }

  // user_name - computed: false, optional: true, required: false
  private _userName?: string; 
  public get userName() {
    return this._userName;
  }
  public set userName(value: string | undefined) {
    this._userName = value;
  }
  public resetUserName() {
    this._userName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userNameInput() {
    return this._userName;
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
  private _assumeRole?: HuaweicloudProviderAssumeRole[] | cdktf.IResolvable; 
  public get assumeRole() {
    return this._assumeRole;
  }
  public set assumeRole(value: HuaweicloudProviderAssumeRole[] | cdktf.IResolvable | undefined) {
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
  private _assumeRoleWithOidc?: HuaweicloudProviderAssumeRoleWithOidc; 
  public get assumeRoleWithOidc() {
    return this._assumeRoleWithOidc;
  }
  public set assumeRoleWithOidc(value: HuaweicloudProviderAssumeRoleWithOidc | undefined) {
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
      agency_domain_name: cdktf.stringToTerraform(this._agencyDomainName),
      agency_name: cdktf.stringToTerraform(this._agencyName),
      auth_url: cdktf.stringToTerraform(this._authUrl),
      cacert_file: cdktf.stringToTerraform(this._cacertFile),
      cert: cdktf.stringToTerraform(this._cert),
      cloud: cdktf.stringToTerraform(this._cloud),
      default_tags: cdktf.hashMapper(cdktf.stringToTerraform)(this._defaultTags),
      delegated_project: cdktf.stringToTerraform(this._delegatedProject),
      domain_id: cdktf.stringToTerraform(this._domainId),
      domain_name: cdktf.stringToTerraform(this._domainName),
      enable_force_new: cdktf.booleanToTerraform(this._enableForceNew),
      endpoints: cdktf.hashMapper(cdktf.stringToTerraform)(this._endpoints),
      enterprise_project_id: cdktf.stringToTerraform(this._enterpriseProjectId),
      ignore_tags: cdktf.listMapper(cdktf.stringToTerraform, false)(this._ignoreTags),
      insecure: cdktf.booleanToTerraform(this._insecure),
      key: cdktf.stringToTerraform(this._key),
      max_retries: cdktf.numberToTerraform(this._maxRetries),
      password: cdktf.stringToTerraform(this._password),
      profile: cdktf.stringToTerraform(this._profile),
      project_id: cdktf.stringToTerraform(this._projectId),
      project_name: cdktf.stringToTerraform(this._projectName),
      region: cdktf.stringToTerraform(this._region),
      regional: cdktf.booleanToTerraform(this._regional),
      secret_key: cdktf.stringToTerraform(this._secretKey),
      security_token: cdktf.stringToTerraform(this._securityToken),
      shared_config_file: cdktf.stringToTerraform(this._sharedConfigFile),
      signing_algorithm: cdktf.stringToTerraform(this._signingAlgorithm),
      skip_check_upgrade: cdktf.booleanToTerraform(this._skipCheckUpgrade),
      skip_check_website_type: cdktf.booleanToTerraform(this._skipCheckWebsiteType),
      tenant_id: cdktf.stringToTerraform(this._tenantId),
      tenant_name: cdktf.stringToTerraform(this._tenantName),
      token: cdktf.stringToTerraform(this._token),
      user_id: cdktf.stringToTerraform(this._userId),
      user_name: cdktf.stringToTerraform(this._userName),
      alias: cdktf.stringToTerraform(this._alias),
      assume_role: cdktf.listMapper(huaweicloudProviderAssumeRoleToTerraform, true)(this._assumeRole),
      assume_role_with_oidc: huaweicloudProviderAssumeRoleWithOidcToTerraform(this._assumeRoleWithOidc),
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
      agency_domain_name: {
        value: cdktf.stringToHclTerraform(this._agencyDomainName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      agency_name: {
        value: cdktf.stringToHclTerraform(this._agencyName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      auth_url: {
        value: cdktf.stringToHclTerraform(this._authUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cacert_file: {
        value: cdktf.stringToHclTerraform(this._cacertFile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cert: {
        value: cdktf.stringToHclTerraform(this._cert),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cloud: {
        value: cdktf.stringToHclTerraform(this._cloud),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      default_tags: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._defaultTags),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      delegated_project: {
        value: cdktf.stringToHclTerraform(this._delegatedProject),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      domain_id: {
        value: cdktf.stringToHclTerraform(this._domainId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      domain_name: {
        value: cdktf.stringToHclTerraform(this._domainName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      enable_force_new: {
        value: cdktf.booleanToHclTerraform(this._enableForceNew),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      endpoints: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._endpoints),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      enterprise_project_id: {
        value: cdktf.stringToHclTerraform(this._enterpriseProjectId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ignore_tags: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._ignoreTags),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      insecure: {
        value: cdktf.booleanToHclTerraform(this._insecure),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      key: {
        value: cdktf.stringToHclTerraform(this._key),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      max_retries: {
        value: cdktf.numberToHclTerraform(this._maxRetries),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      password: {
        value: cdktf.stringToHclTerraform(this._password),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      profile: {
        value: cdktf.stringToHclTerraform(this._profile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      project_id: {
        value: cdktf.stringToHclTerraform(this._projectId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      project_name: {
        value: cdktf.stringToHclTerraform(this._projectName),
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
      regional: {
        value: cdktf.booleanToHclTerraform(this._regional),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      secret_key: {
        value: cdktf.stringToHclTerraform(this._secretKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      security_token: {
        value: cdktf.stringToHclTerraform(this._securityToken),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      shared_config_file: {
        value: cdktf.stringToHclTerraform(this._sharedConfigFile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      signing_algorithm: {
        value: cdktf.stringToHclTerraform(this._signingAlgorithm),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      skip_check_upgrade: {
        value: cdktf.booleanToHclTerraform(this._skipCheckUpgrade),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      skip_check_website_type: {
        value: cdktf.booleanToHclTerraform(this._skipCheckWebsiteType),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      tenant_id: {
        value: cdktf.stringToHclTerraform(this._tenantId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      tenant_name: {
        value: cdktf.stringToHclTerraform(this._tenantName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      token: {
        value: cdktf.stringToHclTerraform(this._token),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      user_id: {
        value: cdktf.stringToHclTerraform(this._userId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      user_name: {
        value: cdktf.stringToHclTerraform(this._userName),
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
        value: cdktf.listMapperHcl(huaweicloudProviderAssumeRoleToHclTerraform, true)(this._assumeRole),
        isBlock: true,
        type: "list",
        storageClassType: "HuaweicloudProviderAssumeRoleList",
      },
      assume_role_with_oidc: {
        value: huaweicloudProviderAssumeRoleWithOidcToHclTerraform(this._assumeRoleWithOidc),
        isBlock: true,
        type: "list",
        storageClassType: "HuaweicloudProviderAssumeRoleWithOidcList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
