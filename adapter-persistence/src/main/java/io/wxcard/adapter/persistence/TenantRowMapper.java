package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** A tenant to and from its row; the optional merchant credentials are six nullable columns. */
@Mapper(config = MappingConfig.class)
interface TenantRowMapper {

    @Mapping(target = "merchantId", source = "merchant", qualifiedByName = "merchantId")
    @Mapping(target = "merchantSerialNo", source = "merchant", qualifiedByName = "merchantSerialNo")
    @Mapping(target = "merchantPrivateKeyPem", source = "merchant", qualifiedByName = "merchantPrivateKeyPem")
    @Mapping(target = "merchantApiV3Key", source = "merchant", qualifiedByName = "merchantApiV3Key")
    @Mapping(target = "merchantPlatformSerial", source = "merchant", qualifiedByName = "merchantPlatformSerial")
    @Mapping(target = "merchantPlatformPublicKeyPem", source = "merchant",
            qualifiedByName = "merchantPlatformPublicKeyPem")
    TenantRow toRow(Tenant tenant);

    @Mapping(target = "merchant", source = "row", qualifiedByName = "merchant")
    @Mapping(target = "withApiKeyHash", ignore = true) // a copy method MapStruct takes for a fluent setter
    Tenant toTenant(TenantRow row);

    @Named("merchant")
    default Option<MerchantCredentials> merchant(TenantRow row) {
        return Option.of(row.merchantId()).map(id -> new MerchantCredentials(id, row.merchantSerialNo(),
                Secret.of(row.merchantPrivateKeyPem()), Secret.of(row.merchantApiV3Key()), row.merchantPlatformSerial(),
                row.merchantPlatformPublicKeyPem()));
    }

    @Named("merchantId")
    default String merchantId(Option<MerchantCredentials> merchant) {
        return merchant.map(MerchantCredentials::merchantId).getOrNull();
    }

    @Named("merchantSerialNo")
    default String merchantSerialNo(Option<MerchantCredentials> merchant) {
        return merchant.map(MerchantCredentials::serialNo).getOrNull();
    }

    @Named("merchantPrivateKeyPem")
    default String merchantPrivateKeyPem(Option<MerchantCredentials> merchant) {
        return merchant.map(credentials -> credentials.privateKeyPem().reveal()).getOrNull();
    }

    @Named("merchantApiV3Key")
    default String merchantApiV3Key(Option<MerchantCredentials> merchant) {
        return merchant.map(credentials -> credentials.apiV3Key().reveal()).getOrNull();
    }

    @Named("merchantPlatformSerial")
    default String merchantPlatformSerial(Option<MerchantCredentials> merchant) {
        return merchant.map(MerchantCredentials::platformSerial).getOrNull();
    }

    @Named("merchantPlatformPublicKeyPem")
    default String merchantPlatformPublicKeyPem(Option<MerchantCredentials> merchant) {
        return merchant.map(MerchantCredentials::platformPublicKeyPem).getOrNull();
    }
}
