//go:build tools

// Package toolchain pins the Node.js language host that the bootstrap builds.
package toolchain

import (
	_ "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
)
