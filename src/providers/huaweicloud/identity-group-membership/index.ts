// https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/identity_group_membership
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface IdentityGroupMembershipConfig extends cdktf.TerraformMetaArguments {
  /**
  * Whether to allow parameters that do not support changes to have their change-triggered behavior set to 'ForceNew'.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/identity_group_membership#enable_force_new IdentityGroupMembership#enable_force_new}
  */
  readonly enableForceNew?: string;
  /**
  * The ID of the group to which the users belong.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/identity_group_membership#group IdentityGroupMembership#group}
  */
  readonly group: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/identity_group_membership#id IdentityGroupMembership#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * The list of user IDs associated with the group.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/identity_group_membership#users IdentityGroupMembership#users}
  */
  readonly users: string[];
  /**
  * The script configuration value of this change is also the original value used for comparison with
  * the new value next time the change is made. The corresponding parameter name is 'users'.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/identity_group_membership#users_origin IdentityGroupMembership#users_origin}
  */
  readonly usersOrigin?: string[];
}

/**
* Represents a {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/identity_group_membership huaweicloud_identity_group_membership}
*/
export class IdentityGroupMembership extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "huaweicloud_identity_group_membership";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a IdentityGroupMembership resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the IdentityGroupMembership to import
  * @param importFromId The id of the existing IdentityGroupMembership that should be imported. Refer to the {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/identity_group_membership#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the IdentityGroupMembership to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "huaweicloud_identity_group_membership", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/identity_group_membership huaweicloud_identity_group_membership} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options IdentityGroupMembershipConfig
  */
  public constructor(scope: Construct, id: string, config: IdentityGroupMembershipConfig) {
    super(scope, id, {
      terraformResourceType: 'huaweicloud_identity_group_membership',
      terraformGeneratorMetadata: {
        providerName: 'huaweicloud',
        providerVersion: '1.97.1'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._enableForceNew = config.enableForceNew;
    this._group = config.group;
    this._id = config.id;
    this._users = config.users;
    this._usersOrigin = config.usersOrigin;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // enable_force_new - computed: false, optional: true, required: false
  private _enableForceNew?: string; 
  public get enableForceNew() {
    return this.getStringAttribute('enable_force_new');
  }
  public set enableForceNew(value: string) {
    this._enableForceNew = value;
  }
  public resetEnableForceNew() {
    this._enableForceNew = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableForceNewInput() {
    return this._enableForceNew;
  }

  // group - computed: false, optional: false, required: true
  private _group?: string; 
  public get group() {
    return this.getStringAttribute('group');
  }
  public set group(value: string) {
    this._group = value;
  }
  // Temporarily expose input value. Use with caution.
  public get groupInput() {
    return this._group;
  }

  // id - computed: true, optional: true, required: false
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  public resetId() {
    this._id = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // users - computed: false, optional: false, required: true
  private _users?: string[]; 
  public get users() {
    return this.getListAttribute('users');
  }
  public set users(value: string[]) {
    this._users = value;
  }
  // Temporarily expose input value. Use with caution.
  public get usersInput() {
    return this._users;
  }

  // users_origin - computed: true, optional: true, required: false
  private _usersOrigin?: string[]; 
  public get usersOrigin() {
    return this.getListAttribute('users_origin');
  }
  public set usersOrigin(value: string[]) {
    this._usersOrigin = value;
  }
  public resetUsersOrigin() {
    this._usersOrigin = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get usersOriginInput() {
    return this._usersOrigin;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      enable_force_new: cdktf.stringToTerraform(this._enableForceNew),
      group: cdktf.stringToTerraform(this._group),
      id: cdktf.stringToTerraform(this._id),
      users: cdktf.listMapper(cdktf.stringToTerraform, false)(this._users),
      users_origin: cdktf.listMapper(cdktf.stringToTerraform, false)(this._usersOrigin),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      enable_force_new: {
        value: cdktf.stringToHclTerraform(this._enableForceNew),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      group: {
        value: cdktf.stringToHclTerraform(this._group),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      id: {
        value: cdktf.stringToHclTerraform(this._id),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      users: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._users),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      users_origin: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._usersOrigin),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
