//go:build tools

// Package toolchain pins the Pulumi CLI that the bootstrap builds.
package toolchain

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
